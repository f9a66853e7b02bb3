import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The API serves the built app at /ui (src/plugraph/api/ui.py); in `npm run dev`
// the API calls are proxied to a running `plugraph serve` (PLUGRAPH_API).
const api = process.env.PLUGRAPH_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  base: "/ui/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      "/admin": api,
      "/openapi.json": api,
      "/readyz": api,
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
