import { Construct } from "constructs";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
import { physicalName } from "../framework/physical-name.js";
import { assertSameFramework } from "../framework/framework.js";

export interface CheckpointBucketProps {
  /**
   * A fixed, globally unique bucket name. Default: a name prefix Terraform completes with a unique suffix,
   * which leaves the checkpoint URI unknown until apply (policies then cannot read it offline).
   */
  readonly bucketName?: string;
  /** Key prefix checkpoints are written under (default `checkpoints/`). */
  readonly prefix?: string;
  /** Delete checkpoints this many days after they were written (default 30). */
  readonly expireAfterDays?: number;
  /** KMS key for SSE-KMS; default SSE-S3 (AES256), which has no per-request key cost. */
  readonly kmsKeyArn?: string;
}

/**
 * An S3 bucket for training checkpoints: encrypted, public access blocked, old checkpoints and abandoned
 * multipart uploads expired so storage does not grow forever.
 */
export class CheckpointBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly prefix: string;
  /** `s3://<bucket>/<prefix>`, for the training job's `CHECKPOINT_URI`. */
  readonly uri: string;

  constructor(scope: Construct, id: string, props: CheckpointBucketProps = {}) {
    super(scope, id);
    assertSameFramework(this, "CheckpointBucket");
    this.prefix = normalizePrefix(props.prefix ?? "checkpoints/");
    // A prefix, not a name: bucket names are global, Terraform appends a unique suffix.
    this.bucket = new S3Bucket(
      this,
      "bucket",
      props.bucketName !== undefined ? { bucket: props.bucketName } : { bucketPrefix: `${physicalName(this, 36)}-` },
    );
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: this.bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: props.kmsKeyArn
            ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn }
            : { sseAlgorithm: "AES256" },
          bucketKeyEnabled: props.kmsKeyArn ? true : undefined,
        },
      ],
    });
    new S3BucketPublicAccessBlock(this, "public-access-block", {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket: this.bucket.id,
      rule: [
        {
          id: "expire-old-checkpoints",
          status: "Enabled",
          filter: [{ prefix: this.prefix }],
          expiration: [{ days: props.expireAfterDays ?? 30 }],
        },
        {
          id: "abort-incomplete-uploads",
          status: "Enabled",
          filter: [{ prefix: "" }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    // A literal name stays literal in the URI, so offline policy checks can read the location.
    this.uri = `s3://${props.bucketName ?? this.bucket.bucket}/${this.prefix}`;
  }
}

function normalizePrefix(p: string): string {
  const trimmed = p.replace(/^\/+/, "");
  return trimmed === "" || trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}
