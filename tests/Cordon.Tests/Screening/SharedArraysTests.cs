using Cordon.Names;
using Cordon.Screening;

namespace Cordon.Tests.Screening;

public sealed class SharedArraysTests
{
    [Fact]
    public void Names_of_one_pattern_share_their_kinds_and_flags()
    {
        // Given two people's names of two plain words each, and one with a particle
        var first = new PreparedName("John Smith", organisation: false);
        var second = new PreparedName("Mary Jones", organisation: false);
        var particle = new PreparedName("Omar al Rawi", organisation: false);

        // Then the two plain names hold the same arrays, and the third its own, each true to its name
        Assert.Same(first.Kinds, second.Kinds);
        Assert.Same(first.TableWords, second.TableWords);
        Assert.Same(first.TableGeneric, second.TableGeneric);
        Assert.Same(first.TableLegalForm, second.TableLegalForm);
        Assert.Equal([NamePartKind.Word, NamePartKind.Word], first.Kinds);
        Assert.Equal([true, true], first.TableWords);
        Assert.NotSame(first.TableGeneric, particle.TableGeneric);
        Assert.Equal(NamePartKind.Particle, particle.Kinds[particle.Parts.AsSpan().IndexOf("al")]);
        Assert.Contains(true, particle.TableGeneric);
    }

    [Fact]
    public void Patterns_too_long_for_a_key_are_copied_not_shared()
    {
        // Given flags and kinds longer than a key holds
        var flags = Enumerable.Range(0, 60).Select(i => i % 3 == 0).ToArray();
        var kinds = Enumerable.Range(0, 14).Select(i => (NamePartKind)(i % 3)).ToArray();

        // Then each call gives a fresh copy with the same content
        var flagsA = SharedArrays.Of(flags);
        var flagsB = SharedArrays.Of(flags);
        Assert.NotSame(flagsA, flagsB);
        Assert.Equal(flags, flagsA);
        var kindsA = SharedArrays.Of(kinds);
        Assert.NotSame(kindsA, SharedArrays.Of(kinds));
        Assert.Equal(kinds, kindsA);
    }

    [Fact]
    public void Patterns_of_one_length_but_other_content_are_kept_apart()
    {
        // Given every pattern of four flags
        var seen = new HashSet<bool[]>(ReferenceEqualityComparer.Instance);
        for (var mask = 0; mask < 16; mask++)
        {
            var flags = Enumerable.Range(0, 4).Select(i => (mask & (1 << i)) != 0).ToArray();

            // Then each has its own shared array, with its content, and asking again gives the same one
            var shared = SharedArrays.Of(flags);
            Assert.Equal(flags, shared);
            Assert.Same(shared, SharedArrays.Of(flags));
            Assert.True(seen.Add(shared));
        }

        // And a shorter pattern of the same bits is another array
        Assert.Equal([false, false, false], SharedArrays.Of([false, false, false]));
        Assert.Empty(SharedArrays.Of(ReadOnlySpan<bool>.Empty));
    }
}
