using Directive920Bot.Registration;

namespace Directive920Bot.Delivery;

/// <summary>Told after a cadre pauses or resumes lesson pushes (/pause, /resume), once per real change.</summary>
public interface IPauseObserver
{
    void OnPauseChanged(Subscriber subscriber, bool paused);
}
