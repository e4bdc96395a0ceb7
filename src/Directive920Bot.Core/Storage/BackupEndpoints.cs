using Directive920Bot.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Directive920Bot.Storage;

/// <summary>
/// POST /api/admin/backup (bloc admins): a backup of the running store, returned as the response body. This is how the
/// <c>backup</c> verb reaches a running service: it runs as another user (or in another container) and could neither
/// open the file LiteDB holds nor write where the service writes.
/// </summary>
internal sealed class BackupEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api) =>
        api.MapPost("/admin/backup", BackupAsync).RequireAuthorization(ApiAuth.BlocAdminPolicy);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BackupAsync(BackupService backups, IStoreBackup store, HttpContext context)
    {
        if (store.ManagedByOperator is { } reason)
        {
            return TypedResults.Problem(reason, statusCode: StatusCodes.Status409Conflict, title: "This store's backups are made by the operator's tools");
        }

        var path = Path.Combine(Path.GetTempPath(), "d920-backup-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var snapshot = await backups.BackupAsync(path);
            context.Response.Headers["X-Backup-Documents"] = snapshot.Counts.Values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.File(await File.ReadAllBytesAsync(path, context.RequestAborted), "application/octet-stream", "directive920.db");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
