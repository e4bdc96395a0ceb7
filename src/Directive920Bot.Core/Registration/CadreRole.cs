namespace Directive920Bot.Registration;

public enum CadreRole
{
    /// <summary>lãnh đạo: a leader of an agency, unit or party committee.</summary>
    Leader,
    /// <summary>cán bộ, công chức, viên chức.</summary>
    Staff,
}
