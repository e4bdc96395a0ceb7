using Directive920Bot.Storage;

namespace Directive920Bot.Admin;

/// <summary>The granted roles. Every update asks for its sender's, so reads are cheap; grants are few and rarely change.</summary>
public interface IRoles
{
    /// <summary>The user's roles, committed.</summary>
    IReadOnlyList<RoleAssignment> For(long userId);

    IReadOnlyList<RoleAssignment> All();

    void Add(ITransaction tx, RoleAssignment assignment);

    /// <summary>Removes the user's grants of <paramref name="role"/> for <paramref name="unitCode"/>; how many there were.</summary>
    int Remove(ITransaction tx, long userId, AdminRole role, string? unitCode);

    /// <summary>Removes every grant the user holds; how many there were.</summary>
    int RemoveAll(ITransaction tx, long userId);
}
