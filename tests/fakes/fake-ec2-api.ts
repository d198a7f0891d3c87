import http from "node:http";
import type { AddressInfo } from "node:net";
import { TEST_CREDENTIALS } from "./fake-pricing-api.js";
import { verifySigV4, type SigV4Check } from "./sigv4.js";

/**
 * A loopback fake of EC2's `DescribeSpotPriceHistory` for the real `@aws-sdk/client-ec2` client: EC2 query
 * protocol (form-encoded `Action=...&Version=2016-11-15` POSTs, XML answers), SigV4 checked against the test
 * credentials, the region taken from the signature's credential scope (one fake serves every region),
 * NextToken pagination and injectable faults in EC2's XML error format.
 */

export interface SpotHistoryRow {
  region: string;
  availabilityZone: string;
  instanceType: string;
  productDescription?: string;
  spotPrice: string;
  timestamp: string;
}

export interface FakeEc2Request {
  action: string;
  params: Record<string, string>;
  region: string;
  attempt: number;
  signature: SigV4Check;
  status: number;
}

export interface FakeEc2Fault {
  status: number;
  code: string;
  message?: string;
}

export interface FakeEc2ApiOptions {
  history?: SpotHistoryRow[];
  pageSize?: number;
  fault?: (req: { action: string; params: Record<string, string>; region: string; attempt: number }) => FakeEc2Fault | undefined;
}

export interface FakeEc2Api {
  endpoint: string;
  requests: FakeEc2Request[];
  close(): Promise<void>;
}

export async function startFakeEc2Api(opts: FakeEc2ApiOptions = {}): Promise<FakeEc2Api> {
  const history = opts.history ?? [];
  const requests: FakeEc2Request[] = [];
  const secrets = { [TEST_CREDENTIALS.accessKeyId]: TEST_CREDENTIALS.secretAccessKey };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const params = Object.fromEntries(new URLSearchParams(body));
      const signature = verifySigV4(req.method ?? "", req.url ?? "/", req.headers, body, secrets);
      const attempt = Number(/attempt=(\d+)/.exec(String(req.headers["amz-sdk-request"] ?? ""))?.[1] ?? 1);
      const action = params.Action ?? "";
      const record: FakeEc2Request = { action, params, region: signature.region, attempt, signature, status: 0 };
      requests.push(record);
      const send = (status: number, xml: string) => {
        record.status = status;
        res.statusCode = status;
        res.setHeader("content-type", "text/xml;charset=UTF-8");
        res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
      };
      const error = (status: number, code: string, message: string) =>
        send(status, `<Response><Errors><Error><Code>${code}</Code><Message>${esc(message)}</Message></Error></Errors><RequestID>fake-${requests.length}</RequestID></Response>`);

      if (req.method !== "POST" || !String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded"))
        return error(400, "InvalidRequest", "expected a form-encoded POST");
      if (!signature.valid) return error(401, "AuthFailure", signature.problem ?? "bad signature");
      if (signature.service !== "ec2") return error(401, "AuthFailure", `credential scope service ${signature.service}`);
      if (params.Version !== "2016-11-15") return error(400, "InvalidParameterValue", `Version ${params.Version}`);
      const fault = opts.fault?.({ action, params, region: signature.region, attempt });
      if (fault) return error(fault.status, fault.code, fault.message ?? "injected fault");
      if (action !== "DescribeSpotPriceHistory") return error(400, "InvalidAction", `The action ${action} is not valid for this web service.`);

      const types = indexed(params, "InstanceType");
      const products = indexed(params, "ProductDescription");
      const rows = history.filter(
        (h) =>
          h.region === signature.region &&
          (types.length === 0 || types.includes(h.instanceType)) &&
          (products.length === 0 || products.includes(h.productDescription ?? "Linux/UNIX")),
      );
      const max = Math.min(Number(params.MaxResults ?? 1000), opts.pageSize ?? 1000);
      const start = params.NextToken ? Number(Buffer.from(params.NextToken, "base64").toString("utf8")) : 0;
      if (!Number.isInteger(start) || start < 0) return error(400, "InvalidNextToken", "The specified token is invalid.");
      const page = rows.slice(start, start + max);
      const next = start + max < rows.length ? Buffer.from(String(start + max)).toString("base64") : "";
      const items = page
        .map(
          (h) =>
            `<item><instanceType>${esc(h.instanceType)}</instanceType><productDescription>${esc(h.productDescription ?? "Linux/UNIX")}</productDescription>` +
            `<spotPrice>${esc(h.spotPrice)}</spotPrice><timestamp>${esc(h.timestamp)}</timestamp><availabilityZone>${esc(h.availabilityZone)}</availabilityZone></item>`,
        )
        .join("");
      // Like EC2, an empty <nextToken/> marks the last page.
      send(
        200,
        `<DescribeSpotPriceHistoryResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>fake-${requests.length}</requestId>` +
          `<spotPriceHistorySet>${items}</spotPriceHistorySet><nextToken>${next}</nextToken></DescribeSpotPriceHistoryResponse>`,
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function indexed(params: Record<string, string>, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params[`${name}.${i}`] !== undefined; i++) out.push(params[`${name}.${i}`]!);
  return out;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
