namespace Cordon.Tests.Support;

/// <summary>Finds the real reference files in <c>../shared/data</c> beside the repository, and scratch folders.</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The absolute path of a file under <c>shared/data</c>, e.g. <c>lists/un/UN_consolidated.xml</c>.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    /// <summary>A new empty folder that the test owns.</summary>
    public static string TempDirectory()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cordon-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(candidate, "README.md")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/data was not found beside the repository; the tests read the real lists from there.");
    }
}
