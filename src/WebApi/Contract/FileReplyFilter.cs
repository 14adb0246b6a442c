using Kboss.Application.Common.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kboss.WebApi.Contract;

/// <summary>
/// Sends the file of a reply that carries one (<see cref="IFileReply"/>: Excel exports; documents, streamed) instead of
/// the JSON envelope,
/// as an attachment whose name is sent as <c>filename*</c> (UTF-8, so Chinese names survive).
/// </summary>
public sealed class FileReplyFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is ObjectResult { Value: IFileReply { File: { } file } })
            context.Result = file.Stream is { } stream
                ? new FileStreamResult(stream, file.ContentType) { FileDownloadName = file.FileName }
                : new FileContentResult(file.Content, file.ContentType) { FileDownloadName = file.FileName };
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
