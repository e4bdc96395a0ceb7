using Directive920Bot.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Directive920Bot.Delivery;

/// <summary>The campaign part of the admin API; bloc admins only (unit admins get 403). <see cref="CampaignService"/> audits the changes.</summary>
public sealed class CampaignEndpoints : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/campaigns").RequireAuthorization(ApiAuth.BlocAdminPolicy);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", (CampaignService campaigns) =>
            TypedResults.Ok(campaigns.List().Select(c => CampaignView.From(c, campaigns.Progress(c.Id))).ToList()));
        group.MapGet("/{id}", Results<Ok<CampaignView>, NotFound<ProblemDetails>> (string id, CampaignService campaigns) =>
            campaigns.Find(id) is { } c ? TypedResults.Ok(CampaignView.From(c, campaigns.Progress(id))) : NotFound(id));
        group.MapPost("/{id}/cancel", Results<Ok<CampaignView>, NotFound<ProblemDetails>> (string id, HttpContext http, CampaignService campaigns) =>
            campaigns.Cancel(id, http.GetActor()) is null ? NotFound(id) : TypedResults.Ok(CampaignView.From(campaigns.Find(id)!, campaigns.Progress(id))));
        group.MapPost("/{id}/approve", Results<Ok<CampaignView>, NotFound<ProblemDetails>, ProblemHttpResult> (string id, HttpContext http, CampaignService campaigns) =>
            campaigns.Approve(id, http.GetActor()) switch
            {
                ApprovalOutcome.Approved => TypedResults.Ok(CampaignView.From(campaigns.Find(id)!, campaigns.Progress(id))),
                ApprovalOutcome.NotFound => NotFound(id),
                ApprovalOutcome.OwnCampaign => TypedResults.Problem("The creator of a campaign cannot approve it: another bloc admin must.", statusCode: StatusCodes.Status403Forbidden),
                ApprovalOutcome.NotBlocAdmin => TypedResults.Problem("Only a bloc admin approves campaigns.", statusCode: StatusCodes.Status403Forbidden),
                _ => TypedResults.Problem($"Campaign '{id}' is not waiting for approval.", statusCode: StatusCodes.Status409Conflict),
            });
        group.MapPost("/{id}/resend-failed", Results<Ok<ResendResult>, NotFound<ProblemDetails>> (string id, HttpContext http, CampaignService campaigns) =>
            campaigns.ResendFailed(id, http.GetActor()) is { } n ? TypedResults.Ok(new ResendResult(id, n)) : NotFound(id));
        group.MapGet("/{id}/deliveries", Results<Ok<List<DeliveryView>>, NotFound<ProblemDetails>, ValidationProblem> (string id, string? state, CampaignService campaigns) =>
        {
            DeliveryState? filter = null;
            if (!string.IsNullOrEmpty(state))
            {
                if (!Enum.TryParse<DeliveryState>(state, ignoreCase: true, out var parsed) || int.TryParse(state, out _))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["state"] = [$"Unknown state '{state}'; use pending, sending, sent, failed, blocked or skipped."],
                    });
                }

                filter = parsed;
            }

            return campaigns.Find(id) is null ? NotFound(id) : TypedResults.Ok(campaigns.Deliveries(id, filter).Select(DeliveryView.From).ToList());
        });
        group.MapGet("/{id}/preview", Results<Ok<CampaignPreview>, NotFound<ProblemDetails>> (string id, CampaignService campaigns) =>
            campaigns.Preview(id) is { } preview ? TypedResults.Ok(preview) : NotFound(id));
    }

    private static async Task<Results<Created<CreatedCampaign>, ValidationProblem>> CreateAsync(HttpContext http, CampaignService campaigns)
    {
        var (request, errors) = await CampaignRequestReader.ReadAsync(http.Request, http.RequestAborted);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var campaign = campaigns.Create(request, http.GetActor());
            return TypedResults.Created($"/api/campaigns/{campaign.Id}", new CreatedCampaign(campaign.Id));
        }
        catch (CampaignValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors);
        }
    }

    private static NotFound<ProblemDetails> NotFound(string id) =>
        TypedResults.NotFound(new ProblemDetails { Title = "Campaign not found", Detail = $"No campaign '{id}'.", Status = 404 });

    public sealed record CreatedCampaign(string Id);

    public sealed record ResendResult(string Id, int Requeued);
}
