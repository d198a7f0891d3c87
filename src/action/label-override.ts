import type { Override } from "../policy/verdict.js";
import { describeApiError, httpStatus, type GitHubClient } from "./github-client.js";
import type { CommentTarget } from "./sticky-comment.js";

/** Repository roles allowed to override soft-mandatory findings, lowest first. */
export const OVERRIDE_PERMISSIONS = ["write", "maintain", "admin"] as const;
export type OverridePermission = (typeof OVERRIDE_PERMISSIONS)[number];

export interface LabelOverrideRequest extends CommentTarget {
  /** The pull request's head commit this run judges; the label must have been applied after it was pushed. */
  headSha: string;
  /** Label name the policy declares (e.g. `cost-override`). */
  label: string;
  /** Least repository role the account that applied the label needs. Default `write`. */
  minPermission?: OverridePermission;
}

export interface LabelOverrideResult {
  /** Set when the label is on the PR and was applied by an account with enough access. */
  override?: Override;
  /** Plain-text notes for the report (why a label was or was not honoured). */
  notes: string[];
}

interface LabeledEvent {
  event: string;
  actor?: { login: string } | null;
  label?: { name: string } | null;
  created_at: string;
}

/**
 * Decide whether the PR carries an authorised override label. Everything is re-read from the API, never
 * from the event payload (a re-run replays the payload from before the label was added, and the payload
 * does not say who added a label): current labels, the most recent `labeled` event for that label (who
 * applied it), and that account's permission on the repository. Any API failure means no override.
 *
 * An override approves what the labeller saw: the head commit of the time. It counts only when the label was
 * applied after the head this run judges was pushed, taken as the creation time of the first workflow run for
 * that head (`GET /repos/{owner}/{repo}/actions/runs?head_sha=`; needs `actions: read`). A later push makes
 * the label stale, with a note saying so; it must be re-applied (remove and add) to approve the new head.
 */
export async function findLabelOverride(gh: GitHubClient, req: LabelOverrideRequest): Promise<LabelOverrideResult> {
  const target = { owner: req.owner, repo: req.repo };
  const wanted = req.label.toLowerCase();
  const minPermission = req.minPermission ?? "write";
  try {
    const labels = await gh.paginate(gh.rest.issues.listLabelsOnIssue, { ...target, issue_number: req.issue, per_page: 100 });
    const label = labels.find((l) => l.name.toLowerCase() === wanted);
    if (!label) return { notes: [] };

    const events = (await gh.paginate(gh.rest.issues.listEvents, { ...target, issue_number: req.issue, per_page: 100 })) as LabeledEvent[];
    const applied = events.filter((e) => e.event === "labeled" && e.label?.name.toLowerCase() === wanted && e.actor?.login).at(-1);
    if (!applied) return { notes: [`label "${req.label}" is on the PR but no "labeled" event says who applied it; override ignored`] };
    const actor = applied.actor!.login;

    const pushedAt = await headFirstSeen(gh, target, req.headSha);
    if (pushedAt === undefined)
      return { notes: [`label "${req.label}" is not honoured: no workflow run says when head ${req.headSha.slice(0, 7)} was pushed, so it cannot be tied to what ${actor} approved`] };
    if (Date.parse(applied.created_at) < Date.parse(pushedAt))
      return {
        notes: [
          `label "${req.label}" no longer counts: ${actor} applied it at ${applied.created_at}, before head ${req.headSha.slice(0, 7)} was pushed (${pushedAt}); it approved an earlier version of this pull request. Remove and re-apply the label to approve this one`,
        ],
      };

    const role = await repositoryRole(gh, target, actor);
    if (!role || rank(role) < rank(minPermission))
      return {
        notes: [`label "${req.label}" was applied by ${actor}, who has ${role ?? "no"} access; overriding needs ${minPermission} access, so it is ignored`],
      };
    const description = label.description ? `: ${label.description}` : "";
    return {
      override: {
        ruleId: "*",
        approvedBy: actor,
        reason: `label "${req.label}" applied by ${actor} (${role} access) at ${applied.created_at}, for head ${req.headSha.slice(0, 7)}${description}`,
        via: `label:${req.label}`,
      },
      notes: [],
    };
  } catch (e) {
    return { notes: [`could not verify the override label "${req.label}" (${describeApiError(e)}); no override applied`] };
  }
}

/** Creation time (ISO) of the earliest workflow run for `headSha`: when that head was pushed, or undefined if none. */
async function headFirstSeen(gh: GitHubClient, target: { owner: string; repo: string }, headSha: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(headSha)) return undefined;
  const runs = await gh.paginate(gh.rest.actions.listWorkflowRunsForRepo, { ...target, head_sha: headSha, per_page: 100 });
  const times = (runs as { created_at: string }[]).map((r) => r.created_at).filter((t) => Number.isFinite(Date.parse(t)));
  return times.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

/** The account's role on the repository (`admin`, `maintain`, `write`, `triage`, `read`), or undefined if none. */
async function repositoryRole(gh: GitHubClient, target: { owner: string; repo: string }, username: string): Promise<string | undefined> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...target, username });
    // `permission` folds maintain into write and triage into read; `role_name` keeps the exact role (or a
    // custom role's name, in which case the folded permission is what counts).
    const roleName = (data as { role_name?: string }).role_name;
    const role = roleName && ROLE_ORDER.includes(roleName) ? roleName : data.permission;
    return role === "none" ? undefined : role;
  } catch (e) {
    if (httpStatus(e) === 404) return undefined;
    throw e;
  }
}

const ROLE_ORDER = ["none", "read", "triage", "write", "maintain", "admin"];

function rank(role: string): number {
  const i = ROLE_ORDER.indexOf(role);
  return i < 0 ? 0 : i;
}
