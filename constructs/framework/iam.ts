/** IAM policy documents as JSON strings (tokens inside strings resolve to Terraform references). */

export function assumeRolePolicy(service: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });
}

/** Read, write and delete objects under one S3 prefix, and list that prefix. */
export function s3PrefixAccessPolicy(bucketArn: string, prefix: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"], Resource: `${bucketArn}/${prefix}*` },
      { Effect: "Allow", Action: ["s3:ListBucket"], Resource: bucketArn, Condition: { StringLike: { "s3:prefix": [`${prefix}*`] } } },
    ],
  });
}

/** What a SageMaker endpoint's execution role needs: pull the image, write logs and metrics, read the model. */
export function sagemakerExecutionPolicy(modelDataUrl: string | undefined): string {
  const statements: unknown[] = [
    {
      Effect: "Allow",
      Action: ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
      Resource: "*",
    },
    { Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "cloudwatch:PutMetricData"], Resource: "*" },
  ];
  const m = modelDataUrl ? /^s3:\/\/([^/]+)\/(.*)$/.exec(modelDataUrl) : null;
  if (m) statements.push({ Effect: "Allow", Action: ["s3:GetObject"], Resource: `arn:aws:s3:::${m[1]}/${m[2]}*` });
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}
