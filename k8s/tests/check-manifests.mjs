// Offline checks of the rendered Kubernetes manifests; run by scripts/check-k8s.sh.
//   node check-manifests.mjs --repo DIR --rules-out DIR OVERLAY=RENDERED.yaml ...
// Built-in objects are validated against the Kubernetes OpenAPI schemas (kubernetes-models); the
// custom resources the suite relies on (KafkaTopic, PrometheusRule, ServiceMonitor, CloudNativePG
// Cluster and Database) are checked field by field here, because no schema validator knows them.
// Cross-checks: every alert has a runbook, every metric a rule or panel reads is in
// observability/metrics.yaml, every Secret, ConfigMap, Service port and database a Deployment
// relies on exists. Prints one line per problem and exits 1 if there is any.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments, parse as parseYaml } from "yaml";

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const repo = opt("--repo") ?? process.cwd();
const rulesOut = opt("--rules-out");
const renders = args.map((a) => { const [overlay, file] = a.split("="); return { overlay, file }; });

const RUNBOOK_PREFIX = "https://github.com/smtpd4c/smtpd4c/blob/main/docs/runbooks/";
const SERVICES = ["optin-service", "auth-checker", "bounce-service", "sunset-service"];
const TOPICS = ["subscription-events.v1", "bounce-events.v1", "suppression-events.v1", "domain-auth-events.v1",
  "engagement-events.v1", "recipient-status-events.v1", "complaint-rate-events.v1", ...SERVICES.map((s) => `${s}-dlq.v1`)];

const problems = [];
let checked = 0;
const fail = (where, msg) => problems.push(`${where}: ${msg}`);

// ---------------------------------------------------------------------------------------------
// Built-in kinds: kubernetes-models has one module per apiVersion/kind.
async function validateBuiltin(where, obj) {
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  const mod = group ? `kubernetes-models/${group}/${version}/${obj.kind}` : `kubernetes-models/${version}/${obj.kind}`;
  let Model;
  try { Model = (await import(mod))[obj.kind]; } catch { fail(where, `no Kubernetes schema for ${obj.apiVersion} ${obj.kind}`); return; }
  try { new Model(obj).validate(); } catch (e) { fail(where, `schema: ${String(e.message ?? e).split("\n").slice(0, 6).join(" | ")}`); }
}

const isBuiltin = (apiVersion) => !apiVersion.includes("/") || !apiVersion.split("/")[0].includes(".")
  || apiVersion.split("/")[0].endsWith(".k8s.io");

// ---------------------------------------------------------------------------------------------
// PromQL: the metric names an expression reads (a small scanner, enough for our rules and panels).
const PROMQL_WORDS = new Set(["and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
  "group_left", "group_right", "inf", "nan", "atan2"]);
function metricsIn(expr) {
  let s = expr.replace(/\$\{?[A-Za-z_]+\}?/g, "5m")               // Grafana variables
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""') // strings
    .replace(/#[^\n]*/g, "")                                       // comments
    .replace(/\{[^}]*\}/g, "")                                     // label matchers
    .replace(/\[[^\]]*\]/g, "")                                    // ranges and subqueries
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
  const names = new Set();
  for (const m of s.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const rest = s.slice(m.index + m[0].length);
    if (/^\s*\(/.test(rest) || PROMQL_WORDS.has(m[0])) continue;   // function or keyword
    if (/[0-9.]$/.test(s.slice(0, m.index))) continue;               // unit of a number, e.g. 1e3
    names.add(m[0]);
  }
  return names;
}

// observability/metrics.yaml -> the set of series names it allows.
const metricsFile = path.join(repo, "observability/metrics.yaml");
const known = new Map();   // series name -> catalogue entry
const catalogue = parseYaml(fs.readFileSync(metricsFile, "utf8")).metrics ?? [];
const SUFFIXES = { histogram: ["_bucket", "_count", "_sum"], timer: ["_count", "_sum", "_max"], summary: ["_count", "_sum"] };
for (const m of catalogue) {
  if (!m.name || !m.service || !m.type) { fail("observability/metrics.yaml", `entry needs name, service and type: ${JSON.stringify(m)}`); continue; }
  if (m.type === "counter" && !m.name.endsWith("_total")) fail("observability/metrics.yaml", `counter ${m.name} should end in _total (as Prometheus exposes it)`);
  for (const sfx of SUFFIXES[m.type] ?? [""]) known.set(m.name + sfx, m);
}
const usedCatalogue = new Set();

// ---------------------------------------------------------------------------------------------
const runbookDir = path.join(repo, "docs/runbooks");

function checkPrometheusRule(where, obj, records, alerts, exprs) {
  const groups = obj.spec?.groups;
  if (!Array.isArray(groups) || groups.length === 0) return fail(where, "spec.groups is empty");
  for (const g of groups) {
    if (!g.name) fail(where, "a rule group without a name");
    for (const r of g.rules ?? []) {
      const id = `${where} group ${g.name} ${r.alert ?? r.record}`;
      if (!!r.alert === !!r.record) { fail(id, "a rule needs exactly one of alert or record"); continue; }
      if (typeof r.expr !== "string" || !r.expr.trim()) fail(id, "expr missing");
      else exprs.push({ id, expr: r.expr });
      if (r.record) {
        if (!/^[a-z_]+:[a-z0-9_]+:[a-z0-9_]+$/.test(r.record)) fail(id, "record name should be level:metric:operation");
        records.add(r.record);
        continue;
      }
      alerts.set(r.alert, (alerts.get(r.alert) ?? 0) + 1);
      if (!/^Smtpd4c[A-Z][A-Za-z0-9]+$/.test(r.alert)) fail(id, "alert names are Smtpd4cCamelCase");
      if (!["critical", "warning"].includes(r.labels?.severity)) fail(id, "labels.severity must be critical or warning");
      for (const a of ["summary", "description", "runbook_url"]) if (!r.annotations?.[a]) fail(id, `annotations.${a} missing`);
      const want = `${RUNBOOK_PREFIX}${r.alert}.md`;
      if (r.annotations?.runbook_url !== want) fail(id, `runbook_url must be ${want}`);
      if (!fs.existsSync(path.join(runbookDir, `${r.alert}.md`))) fail(id, `runbook docs/runbooks/${r.alert}.md does not exist`);
    }
  }
}

function checkKafkaTopic(where, obj) {
  if (!/^kafka\.strimzi\.io\/(v1beta2|v1)$/.test(obj.apiVersion)) fail(where, `apiVersion ${obj.apiVersion} is not a Strimzi topic API`);
  if (!obj.metadata?.labels?.["strimzi.io/cluster"]) fail(where, "label strimzi.io/cluster missing (the Topic Operator ignores the topic)");
  const s = obj.spec ?? {};
  if (!s.topicName) fail(where, "spec.topicName missing (the topic name must not depend on the object name)");
  for (const f of ["partitions", "replicas"]) if (!Number.isInteger(s[f]) || s[f] < 1) fail(where, `spec.${f} must be a positive integer`);
  const c = s.config ?? {};
  if (!Number.isInteger(c["retention.ms"]) || c["retention.ms"] < 3600000) fail(where, "config retention.ms must be an integer of at least an hour");
  if (!Number.isInteger(c["min.insync.replicas"]) || c["min.insync.replicas"] > s.replicas) fail(where, "config min.insync.replicas must be an integer <= replicas");
  if (Number.isInteger(c["min.insync.replicas"]) && s.replicas > 1 && c["min.insync.replicas"] >= s.replicas) fail(where, "min.insync.replicas = replicas: one broker down would stop all writes");
}

function checkServiceMonitor(where, obj, services) {
  const sel = obj.spec?.selector?.matchLabels;
  if (!sel) return fail(where, "spec.selector.matchLabels missing");
  const svc = services.find((s) => Object.entries(sel).every(([k, v]) => s.metadata.labels?.[k] === v));
  if (!svc) return fail(where, `selects no Service (${JSON.stringify(sel)})`);
  if (obj.spec.jobLabel && !svc.metadata.labels?.[obj.spec.jobLabel]) fail(where, `jobLabel ${obj.spec.jobLabel} is not a label of Service ${svc.metadata.name}`);
  for (const e of obj.spec.endpoints ?? []) {
    if (!svc.spec.ports.some((p) => p.name === e.port)) fail(where, `endpoint port ${e.port} is not a port name of Service ${svc.metadata.name}`);
    if (e.path !== "/q/metrics") fail(where, "endpoint path must be /q/metrics (Quarkus Micrometer)");
  }
  if (!obj.spec.endpoints?.length) fail(where, "no endpoints");
}

function checkCnpg(where, obj, ctx) {
  if (obj.apiVersion !== "postgresql.cnpg.io/v1") fail(where, `apiVersion ${obj.apiVersion} is not CloudNativePG's`);
  if (obj.kind === "Cluster") {
    const s = obj.spec ?? {};
    if (!Number.isInteger(s.instances) || s.instances < 1) fail(where, "spec.instances must be a positive integer");
    if (!s.storage?.size) fail(where, "spec.storage.size missing");
    for (const r of s.managed?.roles ?? []) {
      if (!r.name || r.login !== true || !r.passwordSecret?.name) fail(where, `managed role ${r.name} needs login: true and a passwordSecret`);
      ctx.roles.set(r.name, { cluster: obj.metadata.name, secret: r.passwordSecret?.name });
    }
    ctx.clusters.add(obj.metadata.name);
  } else {
    const s = obj.spec ?? {};
    if (!s.name || !s.owner || !s.cluster?.name) fail(where, "Database needs spec.name, spec.owner and spec.cluster.name");
    if (s.databaseReclaimPolicy && s.databaseReclaimPolicy !== "retain") fail(where, "databaseReclaimPolicy must be retain (never drop a service's data)");
    ctx.databases.push(obj);
  }
}

function checkDeployment(where, d, objs, overlay, ctx) {
  const name = d.metadata.name;
  const pod = d.spec.template.spec;
  const c = pod.containers?.[0];
  if (!c) return fail(where, "no container");
  if (pod.automountServiceAccountToken !== false) fail(where, "automountServiceAccountToken must be false");
  if (pod.securityContext?.runAsNonRoot !== true) fail(where, "pod runAsNonRoot must be true");
  if (pod.securityContext?.seccompProfile?.type !== "RuntimeDefault") fail(where, "seccompProfile RuntimeDefault missing");
  const sc = c.securityContext ?? {};
  if (sc.readOnlyRootFilesystem !== true || sc.allowPrivilegeEscalation !== false) fail(where, "container needs readOnlyRootFilesystem: true and allowPrivilegeEscalation: false");
  if (JSON.stringify(sc.capabilities?.drop) !== '["ALL"]') fail(where, "container must drop ALL capabilities");
  if (!c.volumeMounts?.some((m) => m.mountPath === "/tmp")) fail(where, "no writable /tmp (read-only root filesystem)");
  if (!pod.topologySpreadConstraints?.length) fail(where, "no topologySpreadConstraints");
  for (const [probe, p] of [["startupProbe", "/q/health/started"], ["livenessProbe", "/q/health/live"], ["readinessProbe", "/q/health/ready"]])
    if (c[probe]?.httpGet?.path !== p) fail(where, `${probe} must GET ${p}`);
  for (const k of ["cpu", "memory"]) if (!c.resources?.requests?.[k]) fail(where, `resources.requests.${k} missing`);
  if (!c.resources?.limits?.memory) fail(where, "resources.limits.memory missing");
  if (/:latest$|^[^:]+$/.test(c.image)) fail(where, `image ${c.image} has no pinned tag in overlay ${overlay}`);
  if (d.spec.replicas !== undefined) fail(where, "spec.replicas is set: the HPA owns the replica count");

  const inNs = (kind, n) => objs.find((o) => o.kind === kind && o.metadata.name === n);
  const selects = (sel) => sel && Object.entries(sel).every(([k, v]) => d.spec.template.metadata.labels?.[k] === v);
  for (const ref of c.envFrom ?? []) if (ref.configMapRef && !inNs("ConfigMap", ref.configMapRef.name)) fail(where, `ConfigMap ${ref.configMapRef.name} not rendered`);
  for (const e of c.env ?? []) {
    const s = e.valueFrom?.secretKeyRef;
    if (s && !ctx.exampleSecrets.has(s.name)) fail(where, `Secret ${s.name} (env ${e.name}) is not documented in any k8s/base/*/secret.example.yaml`);
  }
  const port = c.ports?.find((p) => p.name === "http");
  const svc = objs.find((o) => o.kind === "Service" && selects(o.spec.selector));
  if (!svc) fail(where, "no Service selects its pods");
  else if (!svc.spec.ports.some((p) => p.targetPort === "http" || p.targetPort === port?.containerPort)) fail(where, `Service ${svc.metadata.name} does not target the http port`);
  const pdb = objs.find((o) => o.kind === "PodDisruptionBudget" && selects(o.spec.selector?.matchLabels));
  const hpa = objs.find((o) => o.kind === "HorizontalPodAutoscaler" && o.spec.scaleTargetRef.name === name);
  if (!pdb) fail(where, "no PodDisruptionBudget");
  if (!hpa) fail(where, "no HorizontalPodAutoscaler");
  if (pdb && hpa && typeof pdb.spec.minAvailable === "number" && pdb.spec.minAvailable >= hpa.spec.minReplicas)
    fail(where, `PDB minAvailable ${pdb.spec.minAvailable} >= HPA minReplicas ${hpa.spec.minReplicas}: node drains would block`);
  if (!objs.some((o) => o.kind === "NetworkPolicy" && selects(o.spec.podSelector?.matchLabels) && o.spec.policyTypes?.includes("Egress") && o.spec.policyTypes?.includes("Ingress")))
    fail(where, "no NetworkPolicy of its own for Ingress and Egress");
  if (!objs.some((o) => o.kind === "NetworkPolicy" && o.spec.podSelector?.matchLabels && Object.keys(o.spec).every((k) => ["podSelector", "policyTypes"].includes(k)) && selects(o.spec.podSelector.matchLabels)))
    fail(where, "not covered by a default-deny NetworkPolicy");
  if (!objs.some((o) => o.kind === "ServiceMonitor" && svc && Object.entries(o.spec.selector?.matchLabels ?? {}).every(([k, v]) => svc.metadata.labels?.[k] === v)))
    fail(where, "no ServiceMonitor scrapes it");

  // Database wiring: SMTPD4C_DB_URL names a Database of a rendered Cluster, and the Secret of the
  // role is the Secret the Deployment reads its credentials from.
  const cm = inNs("ConfigMap", c.envFrom?.find((r) => r.configMapRef)?.configMapRef.name);
  const url = cm?.data?.SMTPD4C_DB_URL;
  const m = /^jdbc:postgresql:\/\/([^:/]+)(?::\d+)?\/([a-z0-9_]+)/.exec(url ?? "");
  if (!m) return fail(where, `SMTPD4C_DB_URL missing or not a jdbc:postgresql URL: ${url}`);
  ctx.deploymentDbs.push({ where, host: m[1], db: m[2], secret: c.env?.find((e) => e.name === "SMTPD4C_DB_PASSWORD")?.valueFrom?.secretKeyRef?.name });
}

// ---------------------------------------------------------------------------------------------
const exampleSecrets = new Set();
for (const dir of fs.readdirSync(path.join(repo, "k8s/base"))) {
  const f = path.join(repo, "k8s/base", dir, "secret.example.yaml");
  if (!fs.existsSync(f)) continue;
  for (const doc of parseAllDocuments(fs.readFileSync(f, "utf8"))) {
    const o = doc.toJS();
    if (o?.kind !== "Secret") continue;
    exampleSecrets.add(o.metadata.name);
    // An example must never carry a real credential: everything but the user name is a placeholder.
    for (const [k, v] of Object.entries(o.stringData ?? {}))
      if (k !== "username" && v !== "CHANGE-ME") fail(f, `example Secret ${o.metadata.name} key ${k} must be CHANGE-ME`);
  }
}

const allRecords = new Set();
const allAlerts = new Set();
for (const { overlay, file } of renders) {
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"));
  const objs = [];
  for (const doc of docs) {
    if (doc.errors.length) { fail(overlay, `YAML: ${doc.errors[0].message}`); continue; }
    const o = doc.toJS();
    if (o) objs.push(o);
  }
  const ctx = { exampleSecrets, roles: new Map(), clusters: new Set(), databases: [], deploymentDbs: [] };
  const records = new Set(), alerts = new Map(), exprs = [];
  const services = objs.filter((o) => o.kind === "Service");
  const seen = new Set();
  for (const o of objs) {
    const where = `${overlay}: ${o.kind}/${o.metadata?.name}`;
    checked++;
    if (!o.apiVersion || !o.kind || !o.metadata?.name) { fail(where, "apiVersion, kind and metadata.name are required"); continue; }
    const key = `${o.apiVersion} ${o.kind} ${o.metadata.name}`;
    if (seen.has(key)) fail(where, "rendered twice");
    seen.add(key);
    if (o.kind !== "Namespace" && !o.metadata.namespace) fail(where, "no namespace (the overlay must set one)");
    if (o.metadata.labels?.["app.kubernetes.io/part-of"] !== "smtpd4c") fail(where, "label app.kubernetes.io/part-of=smtpd4c missing");
    if (isBuiltin(o.apiVersion)) await validateBuiltin(where, o);
    switch (o.kind) {
      case "Deployment": checkDeployment(where, o, objs, overlay, ctx); break;
      case "KafkaTopic": checkKafkaTopic(where, o); break;
      case "PrometheusRule": checkPrometheusRule(where, o, records, alerts, exprs); break;
      case "ServiceMonitor": checkServiceMonitor(where, o, services); break;
      case "Cluster": case "Database":
        if (o.apiVersion.startsWith("postgresql.cnpg.io/")) { checkCnpg(where, o, ctx); break; }
      // falls through
      default:
        if (!isBuiltin(o.apiVersion)) fail(where, `custom resource ${o.apiVersion} ${o.kind} has no check here; add one`);
    }
  }

  // Whole-overlay checks.
  for (const s of SERVICES) if (!objs.some((o) => o.kind === "Deployment" && o.metadata.name === s)) fail(overlay, `Deployment ${s} missing`);
  const topics = objs.filter((o) => o.kind === "KafkaTopic");
  const names = topics.map((t) => t.spec?.topicName);
  for (const t of TOPICS) if (!names.includes(t)) fail(overlay, `KafkaTopic for ${t} missing`);
  for (const t of names) if (!TOPICS.includes(t)) fail(overlay, `KafkaTopic ${t} is not a known topic of the suite (update TOPICS here and contracts/asyncapi.yaml)`);
  const maxEventRetention = Math.max(...topics.filter((t) => !t.spec.topicName.includes("-dlq.")).map((t) => t.spec.config["retention.ms"]));
  for (const t of topics.filter((t) => t.spec.topicName.includes("-dlq."))) if (t.spec.config["retention.ms"] <= maxEventRetention) fail(overlay, `dead-letter topic ${t.spec.topicName} must keep records longer than the event topics`);
  for (const dd of ctx.deploymentDbs) {
    const db = ctx.databases.find((x) => x.spec.name === dd.db);
    if (!db) { fail(dd.where, `database ${dd.db} is not created by any CloudNativePG Database`); continue; }
    if (dd.host !== `${db.spec.cluster.name}-rw`) fail(dd.where, `SMTPD4C_DB_URL host ${dd.host} is not the primary Service ${db.spec.cluster.name}-rw`);
    const role = ctx.roles.get(db.spec.owner);
    if (!role) fail(dd.where, `owner ${db.spec.owner} of ${dd.db} is not a managed role`);
    else if (role.secret !== dd.secret) fail(dd.where, `reads its password from Secret ${dd.secret}, but role ${db.spec.owner} gets it from ${role.secret}`);
  }
  for (const db of ctx.databases) if (!ctx.clusters.has(db.spec.cluster?.name)) fail(`${overlay}: Database/${db.metadata.name}`, `cluster ${db.spec.cluster?.name} not rendered`);
  for (const [a, n] of alerts) { if (n > 1) fail(overlay, `alert ${a} defined ${n} times`); allAlerts.add(a); }
  for (const r of records) allRecords.add(r);
  for (const { id, expr } of exprs) for (const m of metricsIn(expr)) {
    if (m.includes(":")) { if (!records.has(m)) fail(id, `reads recording rule ${m}, which no rule records`); continue; }
    if (!known.has(m)) fail(id, `reads metric ${m}, which observability/metrics.yaml does not list`);
    else usedCatalogue.add(known.get(m).name);
  }
  if (!alerts.size) fail(overlay, "no alerts rendered");

  // The rule groups, as plain Prometheus rule files for promtool.
  if (rulesOut && overlay === renders[renders.length - 1].overlay) {
    fs.mkdirSync(rulesOut, { recursive: true });
    for (const r of objs.filter((o) => o.kind === "PrometheusRule"))
      fs.writeFileSync(path.join(rulesOut, `${r.metadata.name}.rules.yaml`), JSON.stringify({ groups: r.spec.groups }, null, 1));
  }
}

// Runbooks: one per alert, and no page for an alert that no longer exists.
for (const f of fs.readdirSync(runbookDir)) {
  const m = /^(Smtpd4c[A-Za-z0-9]+)\.md$/.exec(f);
  if (m && !allAlerts.has(m[1])) fail(`docs/runbooks/${f}`, "no alert of this name exists (remove the page or the prefix)");
}
const index = fs.readFileSync(path.join(runbookDir, "README.md"), "utf8");
for (const f of fs.readdirSync(runbookDir)) if (f !== "README.md" && f.endsWith(".md") && !index.includes(`(${f})`)) fail("docs/runbooks/README.md", `does not link ${f}`);

// Grafana dashboard: every panel query reads known metrics or recorded series.
const dashFile = path.join(repo, "observability/grafana/smtpd4c-slis.json");
const dash = JSON.parse(fs.readFileSync(dashFile, "utf8"));
const panels = (dash.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
let queries = 0;
for (const p of panels) for (const t of p.targets ?? []) {
  queries++;
  for (const m of metricsIn(t.expr ?? "")) {
    if (m.includes(":")) { if (!allRecords.has(m)) fail(`dashboard panel "${p.title}"`, `reads ${m}, which no rule records`); continue; }
    if (!known.has(m)) fail(`dashboard panel "${p.title}"`, `reads metric ${m}, which observability/metrics.yaml does not list`);
    else usedCatalogue.add(known.get(m).name);
  }
}
for (const v of dash.templating?.list ?? []) if (v.type === "query")
  for (const m of metricsIn(String(v.query?.query ?? v.query).replace(/^label_values\((.*),[^,]*\)$/, "$1")))
    if (!m.includes(":") && !known.has(m)) fail(`dashboard variable ${v.name}`, `reads metric ${m}, which observability/metrics.yaml does not list`);
for (const m of catalogue) if (!usedCatalogue.has(m.name)) console.log(`note: observability/metrics.yaml lists ${m.name}, which no rule or panel reads`);

console.log(`checked ${checked} rendered objects in ${renders.length} overlays, ${allAlerts.size} alerts, ${allRecords.size} recording rules, ${queries} dashboard queries`);
if (problems.length) {
  for (const p of problems) console.error(`FAIL ${p}`);
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
