// Draws a picture of the dashboard's LAYOUT from smtpd4c-slis.json, filled with SYNTHETIC data
// (there is no Grafana and no live Prometheus here). Rows, panel titles, positions, units and
// threshold lines come from the JSON; the curves and numbers are made up and labelled as such.
//   npm install --no-save --prefix .smtpd4c/render @resvg/resvg-js@2.6.2
//   cp observability/grafana/render-mockup.mjs .smtpd4c/render/ && node .smtpd4c/render/render-mockup.mjs \
//      observability/grafana/smtpd4c-slis.json docs/images/smtpd4c-slis-dashboard.png
import fs from "node:fs";
import { Resvg } from "@resvg/resvg-js";

const [, , input, output] = process.argv;
const dash = JSON.parse(fs.readFileSync(input, "utf8"));
const COL = 60, ROW = 30, PAD = 6, TOP = 78;             // Grafana grid: 24 columns, 30 px rows
const W = 24 * COL + 2 * PAD;
const H = TOP + Math.max(...dash.panels.map((p) => p.gridPos.y + p.gridPos.h)) * ROW + 30;
const COLORS = ["#73bf69", "#5794f2", "#ff9830", "#b877d9", "#f2cc0c", "#8ab8ff"];
const TH = { green: "#73bf69", orange: "#ff9830", red: "#f2495c" };
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

let seed = 7;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);

// Synthetic series names and values per panel, by what the panel shows.
const SERIES = {
  job: ["optin-service", "auth-checker", "bounce-service", "sunset-service"],
  stream: ["transactional", "marketing"],
  domainStream: ["news.example.org marketing", "mail.example.org transactional"],
  domain: ["news.example.org", "mail.example.org"],
};
function seriesFor(p) {
  const legend = p.targets.map((t) => t.legendFormat).join(" ");
  if (/consumergroup/.test(legend)) return ["sunset-service ← engagement-events.v1", "optin-service ← suppression-events.v1"];
  if (/topic/.test(legend)) return ["bounce-service-dlq.v1", "sunset-service-dlq.v1"];
  if (/relay/.test(legend)) return ["relay-1", "relay-2"];
  if (/type/.test(legend)) return ["bounce hard", "bounce soft", "suppressed: hard-bounce"];
  if (/domain}} {{stream/.test(legend)) return SERIES.domainStream;
  if (/domain/.test(legend)) return SERIES.domain;
  if (/p99/.test(legend)) return ["p99 transactional", "p50 transactional"];
  if (/stream/.test(legend)) return SERIES.stream;
  return SERIES.job;
}
function level(p, i) {
  const steps = p.fieldConfig.defaults.thresholds?.steps ?? [];
  const warn = steps.find((s) => s.value !== null && s.value !== undefined)?.value;
  switch (p.fieldConfig.defaults.unit) {
    case "x": return [0.4, 1.6, 0.2, 0.8][i % 4];
    case "percentunit": return warn ? warn * [0.45, 0.7][i % 2] : 0.001;
    case "s": return /p99/.test(p.targets[0].legendFormat) ? [0.62, 0.21][i % 2] : [2, 4, 1, 3][i % 4];
    case "ops": return [4, 2.2, 0.8][i % 3];
    default: return warn ? warn * [0.12, 0.3][i % 2] : [40, 12][i % 2];
  }
}
function fmt(v, unit, decimals) {
  if (unit === "percentunit") return (v * 100).toFixed(decimals ?? 2) + "%";
  if (unit === "s") return v < 10 ? v.toFixed(2) + " s" : v.toFixed(0) + " s";
  if (unit === "x") return v.toFixed(1) + "x";
  if (unit === "ops") return v.toFixed(1) + "/s";
  return v.toFixed(v < 10 ? 1 : 0);
}

const out = [];
out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif">`);
out.push(`<rect width="${W}" height="${H}" fill="#111217"/>`);
out.push(`<text x="${PAD + 4}" y="26" fill="#d8d9da" font-size="18" font-weight="bold">${esc(dash.title)}</text>`);
const vars = dash.templating.list.filter((v) => v.type === "query").map((v) => `${v.label}: ${v.name === "namespace" ? "smtpd4c" : "All"}`);
out.push(`<text x="${PAD + 4}" y="50" fill="#9fa7b3" font-size="12">${esc(["Prometheus: default", ...vars].join("    "))}    ·    last 24 hours</text>`);
out.push(`<text x="${W - PAD - 4}" y="26" fill="#ff9830" font-size="12" text-anchor="end">Rendering of the panel layout with SYNTHETIC data, not a screenshot of live metrics</text>`);
out.push(`<text x="${W - PAD - 4}" y="50" fill="#9fa7b3" font-size="11" text-anchor="end">from observability/grafana/smtpd4c-slis.json by render-mockup.mjs</text>`);

for (const p of dash.panels) {
  const { x, y, w, h } = p.gridPos;
  const px = PAD + x * COL, py = TOP + y * ROW, pw = w * COL - 6, ph = h * ROW - 6;
  if (p.type === "row") {
    out.push(`<text x="${px + 4}" y="${py + 20}" fill="#d8d9da" font-size="14" font-weight="bold">▾ ${esc(p.title)}</text>`);
    continue;
  }
  out.push(`<rect x="${px}" y="${py}" width="${pw}" height="${ph}" rx="3" fill="#181b1f" stroke="#2c3235"/>`);
  out.push(`<text x="${px + 8}" y="${py + 18}" fill="#d8d9da" font-size="12.5" font-weight="bold">${esc(p.title)}</text>`);
  const names = seriesFor(p);
  const unit = p.fieldConfig.defaults.unit;
  if (p.type === "stat") {
    const steps = p.fieldConfig.defaults.thresholds.steps;
    const n = names.length, bw = (pw - 16 - (n - 1) * 6) / n;
    names.forEach((name, i) => {
      const good = steps[1].color === "green";
      const v = good ? steps[1].value + (1 - steps[1].value) * (0.3 + 0.5 * rnd()) : steps[1].value * (0.2 + 0.5 * rnd());
      const bx = px + 8 + i * (bw + 6), by = py + 28, bh = ph - 36;
      out.push(`<rect x="${bx}" y="${by}" width="${bw}" height="${bh}" rx="2" fill="#37872d"/>`);
      out.push(`<text x="${bx + bw / 2}" y="${by + 20}" fill="#fff" font-size="11" text-anchor="middle">${esc(name)}</text>`);
      out.push(`<text x="${bx + bw / 2}" y="${by + bh / 2 + 18}" fill="#fff" font-size="${n > 3 ? 17 : 22}" font-weight="bold" text-anchor="middle">${fmt(v, unit, p.fieldConfig.defaults.decimals)}</text>`);
    });
    continue;
  }
  // Time series: axes, threshold lines, synthetic curves, legend.
  const gx = px + 52, gy = py + 28, gw = pw - 62, gh = ph - 62;
  const vals = names.map((_, i) => {
    const base = level(p, i);
    return Array.from({ length: 96 }, (_, t) => Math.max(0, base * (1 + 0.35 * Math.sin(t / 9 + i * 2) + 0.25 * (rnd() - 0.5))
      + (p.title.startsWith("Dead-letter") && i === 0 && t > 70 && t < 74 ? 3 : 0)));
  });
  const steps = (p.fieldConfig.defaults.thresholds?.steps ?? []).filter((s) => s.value !== null && s.value !== undefined);
  let max = Math.max(...vals.flat(), ...steps.map((s) => (s.value <= Math.max(...vals.flat()) * 3 ? s.value : 0))) * 1.15 || 1;
  const Y = (v) => gy + gh - (Math.min(v, max) / max) * gh;
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    out.push(`<line x1="${gx}" x2="${gx + gw}" y1="${Y(v)}" y2="${Y(v)}" stroke="#2c3235"/>`);
    out.push(`<text x="${gx - 4}" y="${Y(v) + 4}" fill="#9fa7b3" font-size="10" text-anchor="end">${fmt(v, unit, 2)}</text>`);
  }
  ["00:00", "06:00", "12:00", "18:00", "now"].forEach((l, k) =>
    out.push(`<text x="${gx + (gw * k) / 4}" y="${gy + gh + 14}" fill="#9fa7b3" font-size="10" text-anchor="middle">${l}</text>`));
  for (const s of steps) if (s.value < max)
    out.push(`<line x1="${gx}" x2="${gx + gw}" y1="${Y(s.value)}" y2="${Y(s.value)}" stroke="${TH[s.color] ?? s.color}" stroke-dasharray="6 4" stroke-width="1.3"/>`);
  vals.forEach((vs, i) => {
    const d = vs.map((v, t) => `${t ? "L" : "M"}${(gx + (gw * t) / (vs.length - 1)).toFixed(1)},${Y(v).toFixed(1)}`).join("");
    out.push(`<path d="${d}" fill="none" stroke="${COLORS[i % COLORS.length]}" stroke-width="1.6"/>`);
  });
  let lx = gx;
  names.forEach((name, i) => {
    out.push(`<rect x="${lx}" y="${gy + gh + 22}" width="12" height="4" fill="${COLORS[i % COLORS.length]}"/>`);
    out.push(`<text x="${lx + 16}" y="${gy + gh + 28}" fill="#c7d0d9" font-size="10.5">${esc(name)}</text>`);
    lx += 30 + name.length * 6.3;
  });
}
out.push("</svg>");
const svg = out.join("\n");
const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
fs.writeFileSync(output, png);
console.log(`wrote ${output} (${W}x${H})`);
