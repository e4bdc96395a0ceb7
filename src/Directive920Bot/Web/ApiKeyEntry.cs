using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text;
using Directive920Bot.Admin;
using Directive920Bot.Registration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Web;

/// <summary>One configured API key (the key itself is never logged).</summary>
public sealed record ApiKeyEntry(string Name, string Key, AdminRole? Role, IReadOnlyList<string> Units, long? UserId);
