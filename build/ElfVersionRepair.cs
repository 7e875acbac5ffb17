// Repairs TorchSharp's native library for hosts whose libstdc++ is older than the one it was linked against.
//
// libLibTorchSharp.so (TorchSharp 0.107.0) lists, in .gnu.version_r, a requirement on libstdc++.so.6 version
// GLIBCXX_3.4.32. The only symbol bound to that version is the marker _ZSt21ios_base_library_initv, which no
// relocation uses, but the dynamic loader refuses the whole library when a non-weak required version is absent
// (Debian 12 stops at GLIBCXX_3.4.30). Setting VER_FLG_WEAK (0x2) in vna_flags of that one Vernaux entry turns the
// hard failure into a tolerated missing version: an in-place edit of two bytes.
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory (build/TorchSharpNativeRepair.targets, which adds
// the Task class at the bottom) and into the Autoencoders library (AUTOENCODERS_LIBRARY defined) so tests can call it.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Autoencoders.Build
{
    /// <summary>What a repair did to one file.</summary>
    public enum RepairOutcome { NotNeeded, AlreadyRepaired, Repaired }

    /// <summary>ELF64 little-endian reader/patcher for symbol-version requirements (.gnu.version_r).</summary>
    public static class ElfVersionRepair
    {
        /// <summary>The only version we know to be safe to weaken: a marker with no relocations against it.</summary>
        public const string MarkerVersion = "GLIBCXX_3.4.32";
        public const string LibStdCxx = "libstdc++.so.6";
        const ushort VerFlgWeak = 0x2;
        const uint ShtGnuVerneed = 0x6ffffffe;
        const uint ShtGnuVerdef = 0x6ffffffd;

        /// <summary>One Vernaux entry: the version a library needs from one of its dependencies.</summary>
        // A class, not a record: MSBuild compiles this file against netstandard2.0.
        public sealed class VersionNeed
        {
            public VersionNeed(string file, string version, ushort flags, long flagsOffset)
            { File = file; Version = version; Flags = flags; FlagsOffset = flagsOffset; }
            public string File { get; }
            public string Version { get; }
            public ushort Flags { get; }
            public long FlagsOffset { get; }
            public bool IsWeak => (Flags & VerFlgWeak) != 0;
        }

        /// <summary>Lists every version requirement in an ELF64 LE shared object.</summary>
        public static List<VersionNeed> ReadVersionNeeds(byte[] elf)
        {
            var needs = new List<VersionNeed>();
            foreach (var (offset, size, strOffset) in Sections(elf, ShtGnuVerneed))
            {
                long vn = offset;
                while (true)
                {
                    ushort cnt = U16(elf, vn + 2);
                    string file = Str(elf, strOffset + U32(elf, vn + 4));
                    long aux = vn + U32(elf, vn + 8);
                    for (int i = 0; i < cnt; i++)
                    {
                        needs.Add(new VersionNeed(file, Str(elf, strOffset + U32(elf, aux + 8)), U16(elf, aux + 4), aux + 4));
                        uint nextAux = U32(elf, aux + 12);
                        if (nextAux == 0) break;
                        aux += nextAux;
                    }
                    uint next = U32(elf, vn + 12);
                    if (next == 0 || vn + next >= offset + size) break;
                    vn += next;
                }
            }
            return needs;
        }

        /// <summary>Lists the versions a shared object defines (.gnu.version_d), e.g. GLIBCXX_3.4.30 for libstdc++.</summary>
        public static HashSet<string> ReadVersionDefinitions(byte[] elf)
        {
            var defs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (offset, size, strOffset) in Sections(elf, ShtGnuVerdef))
            {
                long vd = offset;
                while (true)
                {
                    ushort cnt = U16(elf, vd + 6);
                    long aux = vd + U32(elf, vd + 12);
                    if (cnt > 0) defs.Add(Str(elf, strOffset + U32(elf, aux)));
                    uint next = U32(elf, vd + 16);
                    if (next == 0 || vd + next >= offset + size) break;
                    vd += next;
                }
            }
            return defs;
        }

        /// <summary>The host's libstdc++.so.6, or null when none is found in the usual places.</summary>
        public static string? FindSystemLibStdCxx()
        {
            foreach (var dir in new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib/aarch64-linux-gnu", "/usr/lib" })
            {
                var path = Path.Combine(dir, LibStdCxx);
                if (File.Exists(path)) return path;
            }
            return null;
        }

        /// <summary>
        /// Makes <paramref name="libraryPath"/> loadable against the libstdc++ at <paramref name="systemLibStdCxx"/>.
        /// Touches the file only when the host lacks the marker version; replaces it through a temporary copy and a
        /// rename so a hard link into the NuGet cache is broken, never written through. Throws when the host lacks a
        /// version other than the marker (weakening that could break real symbol bindings).
        /// </summary>
        public static RepairOutcome Repair(string libraryPath, string systemLibStdCxx)
        {
            var provided = ReadVersionDefinitions(File.ReadAllBytes(systemLibStdCxx));
            if (provided.Count == 0)
                throw new InvalidDataException($"{systemLibStdCxx} defines no symbol versions; is it really libstdc++?");
            byte[] elf = File.ReadAllBytes(libraryPath);
            var missing = ReadVersionNeeds(elf).FindAll(n => n.File == LibStdCxx && !provided.Contains(n.Version));
            if (missing.Count == 0) return RepairOutcome.NotNeeded;
            var unsafeMissing = missing.FindAll(n => n.Version != MarkerVersion && !n.IsWeak);
            if (unsafeMissing.Count > 0)
                throw new InvalidOperationException(
                    $"{Path.GetFileName(libraryPath)} needs {string.Join(", ", unsafeMissing.ConvertAll(n => n.Version))} from " +
                    $"{LibStdCxx}, which {systemLibStdCxx} lacks; only {MarkerVersion} is known to be safe to weaken. " +
                    "Install a newer libstdc++ (e.g. from a newer distribution) to run TorchSharp here.");
            if (missing.TrueForAll(n => n.IsWeak)) return RepairOutcome.AlreadyRepaired;

            foreach (var need in missing)
            {
                ushort flags = (ushort)(need.Flags | VerFlgWeak);
                elf[need.FlagsOffset] = (byte)(flags & 0xff);
                elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
            }
            string temp = libraryPath + ".repair.tmp";
            File.WriteAllBytes(temp, elf);
            File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(libraryPath));
            File.Replace(temp, libraryPath, null); // a rename: new inode, so a hard link's other name keeps the original bytes
            return RepairOutcome.Repaired;
        }

        static IEnumerable<(long Offset, long Size, long StrOffset)> Sections(byte[] elf, uint type)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
            long shoff = (long)U64(elf, 0x28);
            int shentsize = U16(elf, 0x3a), shnum = U16(elf, 0x3c);
            var found = new List<(long, long, long)>();
            for (int i = 0; i < shnum; i++)
            {
                long sh = shoff + (long)i * shentsize;
                if (U32(elf, sh + 4) != type) continue;
                long link = shoff + (long)U32(elf, sh + 40) * shentsize; // sh_link: the section's string table
                found.Add(((long)U64(elf, sh + 24), (long)U64(elf, sh + 32), (long)U64(elf, link + 24)));
            }
            return found;
        }

        static ushort U16(byte[] b, long o) => Check(b, o, 2) ? (ushort)(b[o] | b[o + 1] << 8) : (ushort)0;
        static uint U32(byte[] b, long o) => Check(b, o, 4) ? (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24) : 0u;
        static ulong U64(byte[] b, long o) => Check(b, o, 8) ? U32(b, o) | (ulong)U32(b, o + 4) << 32 : 0ul;

        static bool Check(byte[] b, long o, int n) =>
            o >= 0 && o + n <= b.Length ? true : throw new InvalidDataException($"truncated ELF file (offset {o})");

        static string Str(byte[] b, long o)
        {
            Check(b, o, 1);
            long end = o;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)o, (int)(end - o));
        }
    }

#if !AUTOENCODERS_LIBRARY
    /// <summary>MSBuild task: repairs every libLibTorchSharp.so under the build output.</summary>
    public class RepairTorchSharpNative : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required] public string OutputDirectory { get; set; } = "";

        public override bool Execute()
        {
            if (!Directory.Exists(OutputDirectory)) return true;
            var libraries = Directory.GetFiles(OutputDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories);
            if (libraries.Length == 0) return true;
            string? libstdcxx = ElfVersionRepair.FindSystemLibStdCxx();
            if (libstdcxx == null)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "TorchSharp repair: no system libstdc++.so.6 found; nothing to compare against, skipped.");
                return true;
            }
            foreach (var library in libraries)
            {
                try
                {
                    var outcome = ElfVersionRepair.Repair(library, libstdcxx);
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"TorchSharp repair: {library}: {outcome}");
                }
                catch (Exception e)
                {
                    Log.LogError($"TorchSharp native repair failed for {library}: {e.Message}");
                    return false;
                }
            }
            return true;
        }
    }
#endif
}
