namespace Directive920Bot.Reports;

/// <summary>Per-member delivered/acknowledged counts for the member export; engagement provides it when present.</summary>
public interface IMemberStatusSource
{
    (int Delivered, int Acknowledged) For(long subscriberId);
}
