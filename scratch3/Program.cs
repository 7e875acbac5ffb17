using Autoencoders.Data; using Autoencoders.Experiments; using Autoencoders.Runtime; using Autoencoders.Training; using Autoencoders.Claims;
TorchRuntime.Initialise();
// each arg: psi:lambdas:seeds  ; prints per-model hole measures (models must be cached or are trained)
var all = new List<(string, HoleCode)>();
foreach (var spec in args)
{
  var parts = spec.Split(':');
  var psi = Enum.Parse<Regulariser>(parts[0]);
  var lambdas = parts[1].Split(',').Select(double.Parse).ToArray();
  var seeds = parts[2].Split(',').Select(int.Parse).ToArray();
  var e = DiskSuite.For(Tier.Default).Hole with { Seeds = seeds, Regulariser = psi, Lambdas = psi == Regulariser.None ? null : lambdas, Steps = 3000, BatchSize = 100 };
  var model = DiskSuite.Model(e);
  var evals = DiskSuite.Evaluate(e);
  var renderer = new ExactRenderer(e.Grid, e.Sigma);
  var codes = new List<HoleCode>();
  for (int k = 0; k < seeds.Length; k++)
  {
    var h = HoleCode.Of(model, k, evals[k], renderer); codes.Add(h);
    Console.WriteLine($"{psi} λ={(psi == Regulariser.None ? 0 : lambdas[k])} seed {seeds[k]}: hole {h.ErrorInHole:F3} near {h.ErrorNearHole:F3} ratio {h.ErrorRatio:F2} codedev {h.CodeDeviation:F3} sweepmono {h.SweepMonotone} mismatch {h.SweepDiskMismatch:F3} norm [{string.Join(" ", h.NormalisedCodeInHole.Select(v => v.ToString("F2")))}] sweepR [{string.Join(" ", h.SweepRadii.Where((_, i) => i % 6 == 0).Select(v => v.ToString("F1")))}]");
  }
  if (seeds.Distinct().Count() > 1) Console.WriteLine($"   spread {HoleCode.Spread(codes):F4}");
}
{
  var e = DiskSuite.For(Tier.Default).Hole with { Seeds = [1,1,1,1,1], Regulariser = Regulariser.EncoderWeights, Lambdas = [0.001,0.01,0.1,1,10], Steps = 3000, BatchSize = 100 };
  var model = DiskSuite.Model(e); var ev = DiskSuite.Evaluate(e)[1];
  for (int i = 12; i < 20; i++) Console.WriteLine($"r {ev.Radii[i]} z {ev.Codes[i]:F3} recovered {ev.RecoveredRadii[i]:F2} decoded-again {Autoencoders.Analysis.DiskMeasures.RadiusFromArea(DiskEvaluation.Decode(model, 1, [ev.Codes[i]])[0]):F2}");
}
