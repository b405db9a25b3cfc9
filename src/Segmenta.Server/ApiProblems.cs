using Microsoft.AspNetCore.Diagnostics;
using Segmenta.Core;

namespace Segmenta.Server;

/// <summary>
/// Turns exceptions into RFC 7807 problem details: bad input (<see cref="SegmentaInputException"/>) → 400 with the
/// exact message the CLI prints; <see cref="ApiException"/> → its status; anything else → 500 without internals.
/// </summary>
internal sealed partial class ApiProblems(IProblemDetailsService problems, ILogger<ApiProblems> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, extensions) = exception switch
        {
            ApiException api => (api.Status, api.Title, api.Message, api.Extensions),
            SegmentaInputException input => (StatusCodes.Status400BadRequest, "Bad input", input.Message, null),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message, null),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", "The request was cancelled.", null),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "Internal error; the server log has the details. / 服务器内部错误，详见服务器日志。", (IReadOnlyDictionary<string, object?>?)null),
        };
        if (status >= 500) Log.Internal(log, exception.GetType().Name, exception);
        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (extensions is not null)
            foreach (var (k, v) in extensions) context.ProblemDetails.Extensions[k] = v;
        return await problems.TryWriteAsync(context);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled {Type}")]
        public static partial void Internal(ILogger logger, string type, Exception exception);
    }
}

/// <summary>An error with an HTTP status (404, 409, 413, 422 …) and a user-facing message in en and zh-CN.</summary>
internal sealed class ApiException(int status, string title, string message, IReadOnlyDictionary<string, object?>? extensions = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;

    public static ApiException NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", $"{what} not found. / 未找到 {what}。");
}
