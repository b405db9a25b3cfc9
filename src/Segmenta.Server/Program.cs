using Segmenta.Server;

var app = ServerHost.Build(args);
await app.RunAsync();

/// <summary>The server's entry point; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
#pragma warning disable CA1515 // WebApplicationFactory<Program> needs a public entry-point type.
public partial class Program;
#pragma warning restore CA1515
