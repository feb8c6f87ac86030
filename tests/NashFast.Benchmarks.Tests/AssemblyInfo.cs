// The dry switch is a process-wide environment variable and BenchmarkDotNet runs in-process: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
