namespace Directive920Bot.Reports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}
