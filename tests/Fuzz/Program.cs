using TrustLedger.Fuzz;

// Usage: TrustLedger.Fuzz TARGET            (under afl-fuzz: one input per run, from SharpFuzz's forkserver)
//        TrustLedger.Fuzz TARGET FILE...    (replays files, e.g. a crash, outside the fuzzer)
if (args.Length == 0 || !Harnesses.All.TryGetValue(args[0], out var harness))
{
    Console.Error.WriteLine($"usage: TrustLedger.Fuzz {{{string.Join('|', Harnesses.All.Keys)}}} [FILE...]");
    return 2;
}

if (args.Length > 1)
{
    foreach (var file in args[1..])
    {
        harness(File.ReadAllBytes(file));
    }

    return 0;
}

SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    harness(copy.ToArray());
});
return 0;
