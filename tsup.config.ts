import { defineConfig } from "tsup";

const library = { index: "src/index.ts", testing: "src/testing/index.ts" };

export default defineConfig([
  {
    entry: library,
    format: ["esm"],
    dts: true,
    sourcemap: true,
    target: "node20",
  },
  {
    // Chevrotain 11 ships only ES modules. CommonJS users on Node.js before 20.19, and jest, cannot
    // require it, so the CommonJS build carries its own copy. Shared chunks keep one GqlError class
    // for both entries.
    entry: library,
    format: ["cjs"],
    dts: true,
    splitting: true,
    sourcemap: true,
    target: "node20",
    noExternal: ["chevrotain", /^@chevrotain\//, "lodash-es"],
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
