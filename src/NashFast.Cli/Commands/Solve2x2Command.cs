using System.CommandLine;
using System.Text;
using NashFast.IO;
using NashFast.TwoByTwo;
using Spectre.Console;

namespace NashFast.Cli.Commands;

/// <summary>
/// <c>nashfast solve2x2 --input games.csv|- [--output results.csv|-] [--threads N]</c>: streams any number of 2×2
/// games through the batch solver chunk by chunk (bounded memory), one result row per input row.
/// </summary>
internal static class Solve2x2Command
{
    // Bad rows named on stderr before the rest are only counted (each is in the output anyway).
    private const int MaxErrorLines = 10;

    public static Command Create()
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "CSV of 2x2 games, one per row: a00,a01,a10,a11,b00,b01,b10,b11 (optional header); '-' is standard input.",
            Required = true,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Result CSV ('-', the default, is standard output).",
            DefaultValueFactory = _ => "-",
        };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Worker threads (0 = all cores).",
            DefaultValueFactory = _ => 1,
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--threads must be 0 (all cores) or a positive number.");
            }
        });
        var chunk = new Option<int>("--chunk")
        {
            Description = "Games per chunk (memory is proportional to it).",
            DefaultValueFactory = _ => 1 << 16,
        };
        chunk.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--chunk must be a positive number.");
            }
        });

        var command = new Command("solve2x2", "Solve a stream of 2x2 games from CSV with the batch solver.")
        {
            input, output, threads, chunk,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(threads), parse.GetValue(chunk),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken)));
        return command;
    }

    private static int Run(string inputPath, string outputPath, int threads, int chunkSize, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        TextReader reader;
        try
        {
            reader = inputPath == "-"
                ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8)
                : new StreamReader(inputPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{inputPath}: cannot read the file: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (reader)
        {
            TextWriter writer;
            try
            {
                // Console.Out flushes on every write: millions of rows need a buffered writer over the raw stream.
                writer = outputPath != "-" ? new StreamWriter(outputPath, append: false, new UTF8Encoding(false), 1 << 16)
                       : ReferenceEquals(stdout, Console.Out) ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16)
                       : stdout;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{outputPath}: cannot write the file: {e.Message}");
                return ExitCodes.BadInput;
            }

            try
            {
                var job = new Job(new Csv2x2Reader(reader), new Csv2x2ResultWriter(writer), chunkSize, threads, inputPath, stderr);
                bool showProgress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
                if (showProgress)
                {
                    IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                    console.Status().Start("solving…", ctx => job.Run(n => ctx.Status($"{n:N0} games solved"), cancellationToken));
                }
                else
                {
                    job.Run(null, cancellationToken);
                }

                writer.Flush();
                if (job.BadRows > MaxErrorLines)
                {
                    stderr.WriteLine($"{inputPath}: {job.BadRows - MaxErrorLines} more bad rows (each is reported in its own output row)");
                }

                return job.BadRows > 0 ? ExitCodes.BadInput : cancellationToken.IsCancellationRequested ? ExitCodes.Incomplete : ExitCodes.Success;
            }
            finally
            {
                if (!ReferenceEquals(writer, stdout))
                {
                    writer.Dispose();
                }
            }
        }
    }

    /// <summary>The read–solve–write loop over reusable chunk buffers.</summary>
    private sealed class Job(Csv2x2Reader reader, Csv2x2ResultWriter writer, int chunkSize, int threads, string inputPath, TextWriter stderr)
    {
        private readonly Csv2x2Chunk _chunk = new(chunkSize);
        private readonly byte[] _mask = new byte[chunkSize];
        private readonly byte[] _count = new byte[chunkSize];
        private readonly Solution2x2Flags[] _flags = new Solution2x2Flags[chunkSize];
        private readonly double[] _p = new double[chunkSize];
        private readonly double[] _q = new double[chunkSize];
        private readonly double[] _u = new double[chunkSize];
        private readonly double[] _v = new double[chunkSize];

        public long BadRows { get; private set; }

        public void Run(Action<long>? progress, CancellationToken cancellationToken)
        {
            long solved = 0;
            while (!cancellationToken.IsCancellationRequested && reader.ReadChunk(_chunk) > 0)
            {
                int n = _chunk.Count;
                Solve(n);
                writer.Write(_chunk, new Solutions2x2<double>(_mask, _count, _flags, _p, _q, _u, _v));
                ReportBadRows(n);
                solved += n;
                progress?.Invoke(solved);
            }
        }

        private void Solve(int n)
        {
            int workers = threads <= 0 ? Environment.ProcessorCount : threads;
            if (workers == 1 || n < 4096)
            {
                TwoByTwoSolver.Solve(_chunk.Games, new Solutions2x2<double>(_mask.AsSpan(0, n), _count.AsSpan(0, n), _flags.AsSpan(0, n), _p.AsSpan(0, n), _q.AsSpan(0, n), _u.AsSpan(0, n), _v.AsSpan(0, n)));
                return;
            }

            // Parallel over contiguous slices; each slice writes only its own slots, so the output is the same for any thread count.
            int slice = (n + workers - 1) / workers;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                int start = w * slice, length = Math.Min(slice, n - start);
                if (length > 0)
                {
                    TwoByTwoSolver.Solve(
                        _chunk.Games.Slice(start, length),
                        new Solutions2x2<double>(_mask.AsSpan(start, length), _count.AsSpan(start, length), _flags.AsSpan(start, length),
                                                 _p.AsSpan(start, length), _q.AsSpan(start, length), _u.AsSpan(start, length), _v.AsSpan(start, length)));
                }
            });
        }

        private void ReportBadRows(int n)
        {
            for (int k = 0; k < n; k++)
            {
                if (_chunk.Error(k) is { } error)
                {
                    BadRows++;
                    if (BadRows <= MaxErrorLines)
                    {
                        stderr.WriteLine($"{inputPath}: {error}");
                    }
                }
            }
        }
    }
}
