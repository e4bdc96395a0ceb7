using Directive920Bot.Storage;
using Directive920Bot.Telegram;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Directive920Bot.Sandbox;

/// <summary>Present in the container only in sandbox mode.</summary>
public sealed record SandboxMode(string DatabasePath);
