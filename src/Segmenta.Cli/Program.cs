using Segmenta.Cli;

return await SegmentaApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
