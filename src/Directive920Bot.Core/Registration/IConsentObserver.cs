namespace Directive920Bot.Registration;

/// <summary>Told when a person agrees to a new consent version (<see cref="ConsentRenewal"/>): input held meanwhile may go on.</summary>
public interface IConsentObserver
{
    Task OnConsentRenewedAsync(long personId, CancellationToken ct);
}
