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
    // Without it, esbuild renames classes in this build (GqlError becomes _class).
    keepNames: true,
  },
  {
    // The command line carries its own copy of its dependencies: loading Chevrotain's many ES
    // modules took most of its start-up time.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    noExternal: ["chevrotain", /^@chevrotain\//, "lodash-es", "re2js"],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
