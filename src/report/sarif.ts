import { createHash } from "node:crypto";
import type { Estimate } from "../pricing/estimate.js";
import type { Finding, Verdict } from "../policy/verdict.js";
import { clip, normalizeText } from "./escape-markdown.js";
import type { FileLine, ResourceLocator } from "./source-locations.js";

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
  /**
   * Where a finding's resource is written (see resourceLocator). With it, a result points at the construct's
   * source line when the cdktf metadata has a stack trace (the synthesized line then is a related location),
   * else at the resource's line in the synthesized file, and names the construct path as a logical location.
   * Without it (or when nothing is found) a result points at line 1 of `artifactFor`.
   */
  locate?: ResourceLocator;
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
    const loc = f.address ? opts.locate?.(f.stack, f.address) : undefined;
    const primary: FileLine = loc?.source ?? loc?.synthesized ?? { file: artifactFor(f), line: 1 };
    const constructPath = loc?.constructPath ?? f.constructPath;
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIds.indexOf(f.ruleId),
      level: levelOf(f),
      message: { text: plain(`${target}: ${f.message}`, 2000) },
      locations: [
        {
          physicalLocation: physical(primary),
          ...(constructPath && f.address
            ? { logicalLocations: [{ name: plain(f.address, 1000), fullyQualifiedName: plain(constructPath, 1000), kind: "resource" }] }
            : f.address || f.stack
              ? { logicalLocations: [{ fullyQualifiedName: plain(target, 1000), kind: f.address ? "resource" : "module" }] }
              : {}),
        },
      ],
      ...(loc?.source && loc.synthesized
        ? { relatedLocations: [{ id: 1, physicalLocation: physical(loc.synthesized), message: { text: "the synthesized resource" } }] }
        : {}),
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

function physical(at: FileLine): SarifPhysicalLocation {
  return {
    artifactLocation: { uri: toUri(at.file), uriBaseId: "%SRCROOT%" },
    region: { startLine: Math.max(1, at.line), ...(at.column !== undefined ? { startColumn: Math.max(1, at.column) } : {}) },
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
    physicalLocation: SarifPhysicalLocation;
    logicalLocations?: { name?: string; fullyQualifiedName: string; kind: string }[];
  }[];
  relatedLocations?: { id: number; physicalLocation: SarifPhysicalLocation; message: { text: string } }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
  suppressions?: { kind: "external"; status: "accepted"; justification: string }[];
}

export interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId: string };
  /** 1-based. */
  region: { startLine: number; startColumn?: number };
}
