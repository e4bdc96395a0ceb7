namespace Directive920Bot.Registration;

/// <summary>Who is responsible for the data, named in the consent text (<c>Privacy:*</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Marks the demo values, which no consent given in Production may name (<see cref="PrivacyOptionsValidator"/>).</summary>
    public const string DemoMark = "GIÁ TRỊ MẪU";

    /// <summary>Outside Production (and in the sandbox) an unset controller is this, visibly a demo value.</summary>
    public const string DemoController = "Đảng ủy Khối các cơ quan tỉnh Nghệ An (" + DemoMark + " / demo value: set Privacy:Controller)";

    /// <summary>Outside Production (and in the sandbox) an unset contact is this, visibly a demo value.</summary>
    public const string DemoContact = "Văn phòng Đảng ủy Khối các cơ quan tỉnh Nghệ An (" + DemoMark + " / demo value: set Privacy:Contact)";

    /// <summary>
    /// The organisation that decides why and how the data is processed (the controller), not "the bot". No default: a
    /// consent must name the real one, so Production refuses to start without it; elsewhere a marked demo value stands in.
    /// </summary>
    public string Controller { get; set; } = "";

    /// <summary>How to reach the controller about personal data (an office, a phone number, an e-mail address); required like <see cref="Controller"/>.</summary>
    public string Contact { get; set; } = "";

    /// <summary>
    /// Set only by <see cref="UseDemoValuesWhereUnset"/> (configuration cannot set it): this run is a demonstration
    /// (the sandbox, in any environment), whose demo values the Production check lets pass.
    /// </summary>
    public bool IsDemo { get; private set; }

    /// <summary>Fills the unset controller and contact with the marked demo values (Development, tests, the sandbox).</summary>
    public void UseDemoValuesWhereUnset()
    {
        if (string.IsNullOrWhiteSpace(Controller))
        {
            Controller = DemoController;
            IsDemo = true;
        }

        if (string.IsNullOrWhiteSpace(Contact))
        {
            Contact = DemoContact;
            IsDemo = true;
        }
    }

    /// <summary>Where to complain when the contact does not resolve it; empty: the contact above.</summary>
    public string Complaints { get; set; } = "";

    /// <summary>The consent version; empty: a hash of the consent text, so any change of wording or period asks again.</summary>
    public string ConsentVersion { get; set; } = "";

    /// <summary>
    /// A registered person whose consent was given to another version is asked again before anything else they send
    /// is handled (Registration/ConsentRenewal). Tests of other features switch it off as they switch Telegram's limits off.
    /// </summary>
    public bool AskAgainWhenConsentChanges { get; set; } = true;
}
