/**
 * Builders of real-shaped AWS Price List product documents (the structure of a captured GetProducts item:
 * `aws/amazon-ec2-instance-selector` test/static/GetProducts/m5_large.json), for the fake Price List API.
 */

const LOCATIONS: Record<string, string> = {
  "us-east-1": "US East (N. Virginia)",
  "us-east-2": "US East (Ohio)",
  "us-west-2": "US West (Oregon)",
  "eu-west-1": "EU (Ireland)",
  "eu-central-1": "EU (Frankfurt)",
};

export interface Dimension {
  unit: string;
  usd: string;
  beginRange?: string;
  endRange?: string;
  description?: string;
}

let skuCounter = 0;

export function productDocument(opts: {
  serviceCode: string;
  productFamily: string;
  region: string;
  attributes: Record<string, string>;
  dimensions: Dimension[];
  sku?: string;
  publicationDate?: string;
  /** Add a Reserved term (hourly + upfront fee) that must be ignored. */
  reserved?: boolean;
}): Record<string, unknown> {
  const sku = opts.sku ?? `FAKESKU${String(++skuCounter).padStart(8, "0")}`;
  const term = `${sku}.JRTCKXETXF`;
  const dims: Record<string, unknown> = {};
  opts.dimensions.forEach((d, i) => {
    dims[`${term}.${i}YS6EN2CT7`] = {
      unit: d.unit,
      beginRange: d.beginRange ?? "0",
      endRange: d.endRange ?? "Inf",
      description: d.description ?? `$${d.usd} per ${d.unit}`,
      appliesTo: [],
      rateCode: `${term}.${i}YS6EN2CT7`,
      pricePerUnit: { USD: d.usd },
    };
  });
  const terms: Record<string, unknown> = {
    OnDemand: { [term]: { offerTermCode: "JRTCKXETXF", sku, effectiveDate: "2026-11-01T00:00:00Z", priceDimensions: dims, termAttributes: {} } },
  };
  if (opts.reserved)
    terms.Reserved = {
      [`${sku}.4NA7Y494T4`]: {
        offerTermCode: "4NA7Y494T4",
        sku,
        termAttributes: { LeaseContractLength: "1yr", OfferingClass: "standard", PurchaseOption: "Partial Upfront" },
        priceDimensions: {
          [`${sku}.4NA7Y494T4.6YS6EN2CT7`]: { unit: "Hrs", beginRange: "0", endRange: "Inf", description: "reserved hourly", pricePerUnit: { USD: "0.0100000000" } },
          [`${sku}.4NA7Y494T4.2TG2D8R56U`]: { unit: "Quantity", description: "Upfront Fee", pricePerUnit: { USD: "100" } },
        },
      },
    };
  return {
    product: {
      productFamily: opts.productFamily,
      sku,
      attributes: {
        servicecode: opts.serviceCode,
        regionCode: opts.region,
        location: LOCATIONS[opts.region] ?? opts.region,
        locationType: "AWS Region",
        ...opts.attributes,
      },
    },
    serviceCode: opts.serviceCode,
    terms,
    version: "20261101000000",
    publicationDate: opts.publicationDate ?? "2026-11-01T00:00:00Z",
  };
}

/** An EC2 On-Demand Linux shared-tenancy instance product (Karpenter's filter set matches it). */
export function ec2InstanceProduct(region: string, instanceType: string, usd: string, attributes: Record<string, string> = {}, extra: { publicationDate?: string } = {}) {
  const metal = instanceType.includes(".metal");
  return productDocument({
    serviceCode: "AmazonEC2",
    productFamily: metal ? "Compute Instance (bare metal)" : "Compute Instance",
    region,
    attributes: {
      instanceType,
      operatingSystem: "Linux",
      tenancy: metal ? "Dedicated" : "Shared",
      preInstalledSw: "NA",
      capacitystatus: "Used",
      marketoption: "OnDemand",
      licenseModel: "No License required",
      usagetype: `BoxUsage:${instanceType}`,
      operation: "RunInstances",
      ...attributes,
    },
    dimensions: [{ unit: "Hrs", usd, description: `$${usd} per On Demand Linux ${instanceType} Instance Hour` }],
    reserved: true,
    ...extra,
  });
}

/** A SageMaker ML instance product for one component (Training, Hosting, Notebook, Cluster, …). */
export function sageMakerProduct(region: string, instanceName: string, component: string | undefined, usd: string, opts: { usagetype?: string; unit?: string } = {}) {
  return productDocument({
    serviceCode: "AmazonSageMaker",
    productFamily: "ML Instance",
    region,
    attributes: {
      instanceName,
      instanceType: `${instanceName}-${(component ?? "fee").toLowerCase()}`,
      ...(component ? { component } : {}),
      usagetype: opts.usagetype ?? `USE1-${component === "Training" ? "Train" : component === "Hosting" ? "Host" : component}:${instanceName}`,
    },
    dimensions: [{ unit: opts.unit ?? "Hrs", usd }],
  });
}
