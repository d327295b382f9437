// Compiles Contracts/src/*.sol with the pinned solc-js and writes Contracts/artifacts/<Name>.json.
// `node Contracts/compile.mjs --check` compiles afresh and exits 1 when the committed artifacts differ.
// evmVersion is london: Besu genesis files commonly stop there, and later opcodes (PUSH0) would fail.
import { createRequire } from "node:module";
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const devnetModules = resolve(here, "..", "devnet", "node_modules");
const require = createRequire(join(devnetModules, "noop.js"));
const solc = require("solc");

const EVM_VERSION = "london";
const srcDir = join(here, "src");
const artifactsDir = join(here, "artifacts");
const check = process.argv.includes("--check");

const sources = {};
for (const file of readdirSync(srcDir).filter((f) => f.endsWith(".sol")).sort()) {
  sources[file] = { content: readFileSync(join(srcDir, file), "utf8") };
}

const input = {
  language: "Solidity",
  sources,
  settings: {
    evmVersion: EVM_VERSION,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};

function findImports(path) {
  const candidates = [join(devnetModules, path), join(srcDir, path)];
  for (const candidate of candidates) {
    if (existsSync(candidate)) return { contents: readFileSync(candidate, "utf8") };
  }
  return { error: `import not found: ${path}` };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
// Library warnings (OpenZeppelin) are not ours to fix; show every error and our own warnings.
for (const e of output.errors ?? []) {
  const file = e.sourceLocation?.file ?? "";
  if (e.severity === "error" || !file.startsWith("@openzeppelin/")) console.error(e.formattedMessage);
}
if (errors.length > 0) process.exit(2);

let differing = 0;
for (const file of Object.keys(sources)) {
  for (const [name, contract] of Object.entries(output.contracts[file] ?? {})) {
    const artifact = {
      contractName: name,
      source: `Contracts/src/${file}`,
      compiler: `solc-js ${solc.version()}`,
      evmVersion: EVM_VERSION,
      abi: contract.abi,
      bytecode: "0x" + contract.evm.bytecode.object,
    };
    const text = JSON.stringify(artifact, null, 2) + "\n";
    const target = join(artifactsDir, `${name}.json`);
    if (check) {
      const committed = existsSync(target) ? readFileSync(target, "utf8") : "";
      if (committed !== text) {
        console.error(`artifact differs from a fresh compile: Contracts/artifacts/${name}.json`);
        differing++;
      }
    } else {
      writeFileSync(target, text);
      console.log(`wrote Contracts/artifacts/${name}.json`);
    }
  }
}
if (differing > 0) process.exit(1);
if (check) console.log("committed artifacts match a fresh compile");
