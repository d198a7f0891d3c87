import { createHash } from "node:crypto";
import type { Estimate } from "../pricing/estimate.js";
import type { Finding, Verdict } from "../policy/verdict.js";
import { clip, normalizeText } from "./escape-markdown.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

export type SarifLevel = "error" | "warning" | "note";

export interface SarifOptions {
  /** Tool version shown by viewers. */
  version?: string;
  /**
   * Repository-relative file a finding is reported against. Code scanning needs a file for every result;
   * by default the synthesized stack file (or the plan JSON), else the policy file the rule came from.
   */
  artifactFor?: (f: Finding) => string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers. Every finding is a result (mandatory → error,
 * advisory → warning or note); waived findings carry a suppression with the exemption or override reason,
 * so they stay visible but do not alert. Pure.
 */
export function renderSarif(verdict: Verdict, estimate: Estimate, opts: SarifOptions = {}): SarifLog {
  const all = [...verdict.findings, ...verdict.waived];
  const ruleIds = [...new Set(all.map((f) => f.ruleId))].sort();
  const firstByRule = new Map(ruleIds.map((id) => [id, all.find((f) => f.ruleId === id)!]));
  const artifactFor = opts.artifactFor ?? defaultArtifactFor(estimate);
  const rules: SarifRule[] = ruleIds.map((id) => {
    const f = firstByRule.get(id)!;
    return {
      id,
      name: id,
      shortDescription: { text: plain(f.description, 1000) },
      defaultConfiguration: { level: levelOf(f) },
      properties: { enforcement: f.enforcement, severity: f.severity, policyFile: f.policyFile, tags: ["cost", "policy", f.enforcement] },
    };
  });
  const results: SarifResult[] = all.map((f) => {
    const waiver = f.override
      ? `overridden by ${f.override.approvedBy}${f.override.via ? ` via ${f.override.via}` : ""}: ${f.override.reason}`
      : f.exemption
        ? `exempted (${f.exemption.pattern}, owner ${f.exemption.owner}, expires ${f.exemption.expires}): ${f.exemption.reason}`
        : undefined;
    const target = f.address ? `${f.stack ? `${f.stack}/` : ""}${f.address}` : f.stack ? `stack ${f.stack}` : "whole plan";
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIds.indexOf(f.ruleId),
      level: levelOf(f),
      message: { text: plain(`${target}: ${f.message}`, 2000) },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: toUri(artifactFor(f)), uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } },
          ...(f.address || f.stack
            ? { logicalLocations: [{ fullyQualifiedName: plain(target, 1000), kind: f.address ? "resource" : "module" }] }
            : {}),
        },
      ],
      partialFingerprints: { "costgateFinding/v1": fingerprint(f) },
      properties: {
        enforcement: f.enforcement,
        severity: f.severity,
        ...(f.stack ? { stack: f.stack } : {}),
        ...(f.address ? { address: f.address } : {}),
        ...(f.monthlyCost !== undefined ? { monthlyCost: f.monthlyCost } : {}),
      },
      ...(waiver ? { suppressions: [{ kind: "external" as const, status: "accepted" as const, justification: plain(waiver, 1000) }] } : {}),
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "costgate", ...(opts.version ? { version: opts.version } : {}), rules } },
        results,
        properties: {
          verdict: verdict.status,
          monthlyCost: estimate.totals.monthlyCost,
          currency: estimate.currency,
          policyFiles: verdict.policyFiles,
        },
      },
    ],
  };
}

export function levelOf(f: Finding): SarifLevel {
  if (f.enforcement !== "advisory") return "error";
  return f.severity === "info" || f.severity === "low" ? "note" : "warning";
}

/** The synthesized stack file (or plan JSON) of a finding's stack, else its policy file. */
export function defaultArtifactFor(estimate: Estimate): (f: Finding) => string {
  return (f) => {
    if (/\.json$/i.test(estimate.input)) return estimate.input;
    if (estimate.format === "cdktf" && f.stack) return `${estimate.input.replace(/\/+$/, "")}/stacks/${f.stack}/cdk.tf.json`;
    return f.policyFile || estimate.input;
  };
}

/** A relative URI with forward slashes and percent-encoded segments (SARIF `artifactLocation.uri`). */
function toUri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .replace(/^\.\//, "")
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}

/** Stable across runs for the same rule and resource, so code scanning tracks one alert per finding. */
function fingerprint(f: Finding): string {
  return createHash("sha256").update(JSON.stringify([f.ruleId, f.stack ?? "", f.address ?? ""])).digest("hex").slice(0, 32);
}

/** SARIF text is plain text: one line, no control or bidi characters, capped. */
function plain(s: string, max: number): string {
  return clip(normalizeText(s), max);
}

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: {
    tool: { driver: { name: string; version?: string; rules: SarifRule[] } };
    results: SarifResult[];
    properties: Record<string, unknown>;
  }[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown>;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } };
    logicalLocations?: { fullyQualifiedName: string; kind: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
  suppressions?: { kind: "external"; status: "accepted"; justification: string }[];
}
