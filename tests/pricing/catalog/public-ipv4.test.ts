import { describe, expect, it } from "vitest";
import type { ResourceEstimate } from "../../../src/pricing/estimate.js";
import { priceStack } from "../../helpers/stack-plan.js";

const ipv4 = (r: ResourceEstimate) => r.components.filter((c) => c.name.startsWith("Public IPv4"));

describe("public IPv4 of instances ($0.005/h per address since 2024-02-01, the aws_eip row)", () => {
  it("associate_public_ip_address = true: one address per instance, 730 × 0.005 = 3.65 a month each", async () => {
    const { res } = await priceStack({ aws_instance: { a: { instance_type: "t3.micro", associate_public_ip_address: true, subnet_id: "subnet-1", count: 2 } } });
    const c = ipv4(res("aws_instance.a"))[0]!;
    expect(c).toMatchObject({ name: "Public IPv4 address hours (one per instance: associate_public_ip_address = true)", monthlyQuantity: 1460, unitPrice: 0.005, priceKey: "public-ipv4-hours|us-east-1" });
    // 2 × 730 × 0.005 = 7.30
    expect(c.monthlyCost).toBeCloseTo(7.3, 10);
  });

  it("unknown until apply: a range from none to one address per instance, the address assumed (never zero)", async () => {
    const { res } = await priceStack({ aws_instance: { a: { instance_type: "t3.micro", associate_public_ip_address: "${var.public}" } } });
    const [c] = ipv4(res("aws_instance.a"));
    expect(c).toMatchObject({ monthlyQuantity: 730, quantityRange: { low: 0, high: 730 }, quantitySource: "assumption", costRange: { low: 0, high: 3.65 } });
    expect(c!.name).toMatch(/none to one per instance: associate_public_ip_address is \$\{var.public\}/);
    expect(c!.monthlyCost).toBeCloseTo(3.65, 10);
  });

  it("not set: follows map_public_ip_on_launch of a subnet in the same plan", async () => {
    const { res } = await priceStack({
      aws_subnet: { pub: { vpc_id: "v", cidr_block: "10.0.0.0/24", map_public_ip_on_launch: true }, priv: { vpc_id: "v", cidr_block: "10.0.1.0/24" }, odd: { vpc_id: "v", cidr_block: "10.0.2.0/24", map_public_ip_on_launch: "${var.x}" } },
      aws_instance: {
        pub: { instance_type: "t3.micro", subnet_id: "${aws_subnet.pub.id}" },
        priv: { instance_type: "t3.micro", subnet_id: "${aws_subnet.priv.id}" },
        odd: { instance_type: "t3.micro", subnet_id: "${aws_subnet.odd.id}" },
        off: { instance_type: "t3.micro", subnet_id: "${aws_subnet.pub.id}", associate_public_ip_address: false },
      },
    });
    expect(ipv4(res("aws_instance.pub"))[0]).toMatchObject({ name: "Public IPv4 address hours (one per instance: its subnet has map_public_ip_on_launch = true)", monthlyQuantity: 730 });
    expect(ipv4(res("aws_instance.priv"))).toEqual([]);
    expect(ipv4(res("aws_instance.odd"))[0]).toMatchObject({ quantityRange: { low: 0, high: 730 } });
    expect(ipv4(res("aws_instance.off"))).toEqual([]);
  });

  it("not set and the subnet is not in the plan (or not given): not counted, as documented", async () => {
    const { res } = await priceStack({ aws_instance: { a: { instance_type: "t3.micro", subnet_id: "subnet-0abc" }, b: { instance_type: "t3.micro" } } });
    expect(ipv4(res("aws_instance.a"))).toEqual([]);
    expect(ipv4(res("aws_instance.b"))).toEqual([]);
  });

  it("a launch template's primary network interface decides for the instances launched from it", async () => {
    const { res } = await priceStack({
      aws_launch_template: { lt: { instance_type: "g5.xlarge", network_interfaces: [{ device_index: 0, associate_public_ip_address: true }] } },
      aws_instance: { a: { launch_template: { id: "${aws_launch_template.lt.id}" } } },
      aws_spot_instance_request: { s: { launch_template: { id: "${aws_launch_template.lt.id}" } } },
    });
    expect(ipv4(res("aws_instance.a"))[0]).toMatchObject({ monthlyQuantity: 730, unitPrice: 0.005 });
    expect(ipv4(res("aws_spot_instance_request.s"))[0]).toMatchObject({ monthlyQuantity: 730, unitPrice: 0.005, purchaseOption: "on-demand" });
  });

  it("an awscc instance's primary network interface with a public address is counted like the aws one", async () => {
    const { res } = await priceStack({ awscc_ec2_instance: { a: { instance_type: "t3.micro", network_interfaces: [{ device_index: "0", associate_public_ip_address: true, subnet_id: "s" }] } } });
    expect(ipv4(res("awscc_ec2_instance.a"))[0]).toMatchObject({ monthlyQuantity: 730, unitPrice: 0.005 });
  });
});

describe("public IPv4 of an Auto Scaling group's instances", () => {
  it("follows the launch template's network interface, over the group's min..max capacity", async () => {
    const { res } = await priceStack({
      aws_launch_template: { lt: { instance_type: "g5.xlarge", network_interfaces: { associate_public_ip_address: true } } },
      aws_autoscaling_group: { g: { min_size: 1, max_size: 4, desired_capacity: 2, launch_template: { id: "${aws_launch_template.lt.id}" } } },
    });
    // 2 × 730 × 0.005 = 7.30 expected; 1..4 instances: 3.65..14.60
    expect(ipv4(res("aws_autoscaling_group.g"))[0]).toMatchObject({ monthlyQuantity: 1460, quantityRange: { low: 730, high: 2920 }, unitPrice: 0.005, costRange: { low: 3.65, high: 14.6 } });
  });

  it("follows the vpc_zone_identifier subnets when the template does not say, and is a range when they disagree", async () => {
    const { res } = await priceStack({
      aws_subnet: { pub: { vpc_id: "v", cidr_block: "10.0.0.0/24", map_public_ip_on_launch: true }, priv: { vpc_id: "v", cidr_block: "10.0.1.0/24" } },
      aws_launch_template: { lt: { instance_type: "t3.micro" } },
      aws_autoscaling_group: {
        pub: { min_size: 2, max_size: 2, launch_template: { id: "${aws_launch_template.lt.id}" }, vpc_zone_identifier: ["${aws_subnet.pub.id}"] },
        both: { min_size: 2, max_size: 2, launch_template: { id: "${aws_launch_template.lt.id}" }, vpc_zone_identifier: ["${aws_subnet.pub.id}", "${aws_subnet.priv.id}"] },
        priv: { min_size: 2, max_size: 2, launch_template: { id: "${aws_launch_template.lt.id}" }, vpc_zone_identifier: ["${aws_subnet.priv.id}"] },
      },
    });
    expect(ipv4(res("aws_autoscaling_group.pub"))[0]).toMatchObject({ monthlyQuantity: 1460 });
    expect(ipv4(res("aws_autoscaling_group.both"))[0]).toMatchObject({ monthlyQuantity: 1460, quantityRange: { low: 0, high: 1460 } });
    expect(ipv4(res("aws_autoscaling_group.priv"))).toEqual([]);
  });
});
