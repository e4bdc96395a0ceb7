using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CsvHelper.Configuration;
using CsvHelper;
using Directive920Bot.Registration;
using Directive920Bot.Storage;
using LiteDB;
using MiniExcelLibs;

namespace Directive920Bot.Admin;

public sealed record RosterImportResult(int Added, int Updated, int Retired, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}
