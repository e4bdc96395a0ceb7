using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Directive920Bot.Engagement;

/// <summary>
/// The order a cadre sees a question's options in: a permutation fixed by (cadre, item, question), so the authored
/// position tells nothing ("always press A" scores about 1 in n) and a re-sent or reviewed question looks the same to
/// the same cadre. Seeded from SHA-256 rather than <see cref="string.GetHashCode()"/>, which .NET randomises per
/// process: the order must survive restarts, and the test that counts correct positions must see the service's.
/// </summary>
public static class OptionOrder
{
    /// <summary><c>shown[position] = authored index</c> for <paramref name="count"/> options.</summary>
    public static IReadOnlyList<int> For(long subscriberId, string itemId, string questionId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = Enumerable.Range(0, count).ToArray();
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"920|{subscriberId}|{itemId}|{questionId}")), digest);
        var state = BinaryPrimitives.ReadUInt64LittleEndian(digest);
        // Fisher–Yates; with four or five options the modulo bias of a 64-bit draw is below 1e-18.
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(SplitMix64(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>The authored order, for answers and polls stored before options were shuffled.</summary>
    public static IReadOnlyList<int> Identity(int count) => Enumerable.Range(0, count).ToArray();

    /// <summary>The shown position of an authored option (-1 when it is not in the order).</summary>
    public static int PositionOf(IReadOnlyList<int> order, int authored)
    {
        ArgumentNullException.ThrowIfNull(order);
        for (var p = 0; p < order.Count; p++)
        {
            if (order[p] == authored)
            {
                return p;
            }
        }

        return -1;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
