namespace Directive920Bot.Registration;

/// <summary>Who is responsible for the data, named in the consent text (<c>Privacy:*</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>The organisation that decides why and how the data is processed (the controller), not "the bot".</summary>
    public string Controller { get; set; } = "Đảng ủy Khối các cơ quan tỉnh Nghệ An";

    /// <summary>How to reach the controller about personal data (an office, a phone number, an e-mail address).</summary>
    public string Contact { get; set; } = "Văn phòng Đảng ủy Khối các cơ quan tỉnh Nghệ An";

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
