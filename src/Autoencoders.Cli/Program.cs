using Autoencoders.Theory;
Console.WriteLine($"x0 = {OptimalProfile.FirstZero():R}");
foreach (var r in new[] { 8.0, 18, 32, 45 })
  foreach (var n in new[] { 150, 300, 600 })
  { var sw = System.Diagnostics.Stopwatch.StartNew(); Console.WriteLine($"R={r} n={n} gap={OptimalProfile.MaxDifference(r, n):g4} {sw.ElapsedMilliseconds}ms"); }
Console.WriteLine(string.Join(",", PositionFilter.EncodeVariant(3, 0, 3)));
Console.WriteLine(string.Join(",", PositionFilter.EncodeVariant(3, 1, 3)));
