namespace Directive920Bot.Admin;

public sealed class RoleAssignment
{
    public int Id { get; set; }

    public long UserId { get; set; }

    public AdminRole Role { get; set; }

    /// <summary>For unit admins; null for bloc admins.</summary>
    public string? UnitCode { get; set; }

    public long GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }
}
