namespace Cordon.Server;

/// <summary>Runs the server on its own; <c>cordon serve</c> is the usual way in and calls the same <see cref="CordonServer.Build"/>.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args) => CordonServer.Build(args).Run();
}
