/**
 * The hashicorp/setup-terraform GitHub Action (with its default `terraform_wrapper: true`) wraps every
 * `terraform` call and writes more than Terraform's output to stdout: a first line
 * `[command]/home/runner/work/_temp/…/terraform-bin show -json plan.out`, then Terraform's output, then workflow
 * commands such as `::debug::Terraform exited with code 0.` and `::set-output name=stdout::…`
 * (https://github.com/hashicorp/setup-terraform#inputs, `terraform_wrapper`). `terraform show -json > plan.json`
 * in such a job gives a file that is not JSON.
 */
export interface UnwrappedOutput {
  text: string;
  /** True when the wrapper's lines were found and removed. */
  stripped: boolean;
}

/**
 * Remove the wrapper's `[command]…terraform…` first line and its trailing `::…` workflow-command lines, when the
 * text starts with such a line; any other text is returned unchanged.
 */
export function stripSetupTerraformWrapper(text: string): UnwrappedOutput {
  if (!text.startsWith("[command]")) return { text, stripped: false };
  const lines = text.split(/\r?\n/);
  if (!/terraform/i.test(lines[0]!)) return { text, stripped: false };
  let end = lines.length;
  while (end > 1 && (lines[end - 1]!.startsWith("::") || lines[end - 1]!.trim() === "")) end--;
  let body = lines.slice(1, end).join("\n");
  // Terraform's output may end without a newline, so the first workflow command follows it on the same line.
  const cmd = body.search(/::(debug|set-output|notice|warning|error)[: ]/);
  if (cmd > 0) body = body.slice(0, cmd);
  return { text: body, stripped: true };
}

/** The warning shown when the wrapper was removed. */
export const WRAPPER_WARNING =
  "removed the hashicorp/setup-terraform wrapper's lines ([command]… and ::debug:: workflow commands) around the `terraform show -json` output; set `terraform_wrapper: false` in that action to write plain JSON";
