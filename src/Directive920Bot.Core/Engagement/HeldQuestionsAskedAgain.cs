using Directive920Bot.Registration;

namespace Directive920Bot.Engagement;

/// <summary>Once a person agrees to the new consent version, the quiz questions whose vote was held are sent again.</summary>
internal sealed class HeldQuestionsAskedAgain(QuizService quiz) : IConsentObserver
{
    public Task OnConsentRenewedAsync(long personId, CancellationToken ct) => quiz.AskHeldAgainAsync(personId, ct);
}
