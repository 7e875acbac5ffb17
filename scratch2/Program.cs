using Autoencoders.Analysis; using Autoencoders.Claims.Checks; using Autoencoders.Experiments; using Autoencoders.Runtime; using Autoencoders.Training; using Autoencoders.Claims;
TorchRuntime.Initialise();
// args: psi lambdas(comma) seeds(comma) [steps batch]
var psi = Enum.Parse<Regulariser>(args[0]);
var lambdas = args[1].Split(',').Select(double.Parse).ToArray();
var seeds = args[2].Split(',').Select(int.Parse).ToArray();
int steps = args.Length > 3 ? int.Parse(args[3]) : 3000, batch = args.Length > 4 ? int.Parse(args[4]) : 100;
var e = DiskSuite.For(Tier.Default).Hole with { Seeds = seeds, Regulariser = psi, Lambdas = psi == Regulariser.None ? null : lambdas, Steps = steps, BatchSize = batch };
var sw = System.Diagnostics.Stopwatch.StartNew();
var evals = DiskSuite.Evaluate(e, s => { if (!s.Contains("step") || s.Contains("00/")) Console.WriteLine(s); });
Console.WriteLine($"time {sw.Elapsed.TotalSeconds:F0}s");
for (int k = 0; k < evals.Length; k++)
{
  var ev = evals[k];
  double hole = D10Extrapolation.MeanError(ev, 12, 17), near = (D10Extrapolation.MeanError(ev, 7, 10) + D10Extrapolation.MeanError(ev, 19, 22)) / 2, outside = (D10Extrapolation.MeanError(ev, 4, 11) + D10Extrapolation.MeanError(ev, 18, 30)) / 2;
  var idx = Enumerable.Range(0, ev.Radii.Length).Where(i => ev.Radii[i] >= 4 && ev.Radii[i] <= 30).ToArray();
  var r = idx.Select(i => ev.Radii[i]).ToArray(); var z = idx.Select(i => ev.Codes[i]).ToArray();
  double rho = Fits.Spearman(r, z);
  int signChanges = 0; for (int i = 2; i < z.Length; i++) if (Math.Sign(z[i] - z[i - 1]) != Math.Sign(z[i - 1] - z[i - 2])) signChanges++;
  // smooth fit z ≈ a + b r² + c r^4? use quadratic in r² on radii outside hole near it
  var fitIdx = idx.Where(i => (ev.Radii[i] >= 6 && ev.Radii[i] <= 11) || (ev.Radii[i] >= 18 && ev.Radii[i] <= 23)).ToArray();
  var p = MathNet.Numerics.Fit.Polynomial(fitIdx.Select(i => ev.Radii[i]).ToArray(), fitIdx.Select(i => ev.Codes[i]).ToArray(), 2);
  var holeIdx = idx.Where(i => ev.Radii[i] > 11 && ev.Radii[i] < 18).ToArray();
  double span = Math.Abs(fitIdx.Max(i => ev.Codes[i]) - fitIdx.Min(i => ev.Codes[i]));
  double dev = holeIdx.Max(i => Math.Abs(ev.Codes[i] - (p[0] + p[1] * ev.Radii[i] + p[2] * ev.Radii[i] * ev.Radii[i]))) / span;
  Console.WriteLine($"k={k} seed={seeds[k]} λ={(psi == Regulariser.None ? 0 : lambdas[k])} hole {hole:F3} near {near:F3} outside {outside:F3} ratio {hole / near:F1} rho {rho:F3} signchg {signChanges} holedev {dev:F3} zrange {z.Min():G3}..{z.Max():G3}");
  Console.WriteLine("   z: " + string.Join(" ", Enumerable.Range(0, ev.Radii.Length).Where(i => i % 2 == 1).Select(i => $"{ev.Radii[i]:F0}:{ev.Codes[i]:G3}")));
}
