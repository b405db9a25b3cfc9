using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Segmenta.Server;

namespace Segmenta.Cli.Commands;

/// <summary>
/// <c>segmenta serve</c>: the REST API and the dashboard (Segmenta.Server) in this process. <c>--init-admin NAME</c>
/// creates the first admin instead, reading the password from <c>SEGMENTA_ADMIN_PASSWORD</c> or the first line of stdin.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Environment variable holding the first admin's password for <c>--init-admin</c>.</summary>
    public const string PasswordVariable = "SEGMENTA_ADMIN_PASSWORD";

    public static Command Create(CliContext context)
    {
        var command = new Command("serve", "Start the REST API and web dashboard (loopback only unless --urls says otherwise). / 启动 REST API 与网页看板。");
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => ServerSettings.DefaultUrls };
        var db = new Option<string>("--db") { Description = "DuckDB store file.", DefaultValueFactory = _ => Data.DuckDb.DuckDbStore.DefaultPath };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where uploads and run outputs are kept; default segmenta-server/ next to the store." };
        var initAdmin = new Option<string?>("--init-admin") { Description = $"Create the first admin user NAME (password from ${PasswordVariable} or stdin) and exit." };
        command.Add(urls);
        command.Add(db);
        command.Add(dataDir);
        command.Add(initAdmin);
        command.SetAction(async (parse, ct) =>
        {
            var store = parse.GetRequiredValue(db);
            if (parse.GetValue(initAdmin) is { } name)
            {
                var password = Environment.GetEnvironmentVariable(PasswordVariable);
                if (string.IsNullOrEmpty(password)) password = await Console.In.ReadLineAsync(ct).ConfigureAwait(false);
                if (string.IsNullOrEmpty(password))
                    throw new UsageException($"--init-admin {name}: give the password on stdin or in ${PasswordVariable}; there is no default password. / 请通过标准输入或 ${PasswordVariable} 提供密码。");
                ServerHost.InitAdmin(store, name, password);
                await context.Error.WriteLineAsync($"admin \"{name}\" created in {store}. Start the server with: segmenta serve --db {store} / 管理员已创建。").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var args = new List<string> { "--urls", parse.GetRequiredValue(urls), "--Segmenta:Db=" + store };
            if (parse.GetValue(dataDir) is { } dir) args.Add("--Segmenta:DataDir=" + dir);
            var app = ServerHost.Build([.. args]);
            await context.Error.WriteLineAsync($"Segmenta server on {parse.GetRequiredValue(urls)} (store {store}); dashboard at /, API docs at /docs. Ctrl+C stops it.").ConfigureAwait(false);
            await app.StartAsync(ct).ConfigureAwait(false);
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
