import { X as resolveAwsSdkSigV4Config, Y as normalizeProvider, Z as getSmithyContext, _ as BinaryDecisionDiagram, $ as EndpointCache, a0 as decideEndpoint, a1 as awsEndpointFunctions, a2 as customEndpointFunctions, a3 as ServiceException, a4 as TypeRegistry, t as toUtf8, z as fromUtf8, V as parseUrl, a5 as Sha256Node, a6 as NoOpLogger, a7 as AwsSdkSigV4Signer, B as toBase64, m as fromBase64, a8 as emitWarningIfUnsupportedVersion, a9 as resolveDefaultsModeConfig, aa as emitWarningIfUnsupportedVersion$1, u as streamCollector, aN as defaultProvider, ab as calculateBodyLength, W as loadConfig, N as NodeHttpHandler, ak as createDefaultUserAgentProvider, am as loadConfigsForDefaultMode, ac as NODE_APP_ID_CONFIG_OPTIONS, ad as NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, ae as NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, af as NODE_RETRY_MODE_CONFIG_OPTIONS, ag as DEFAULT_RETRY_MODE, ah as NODE_REGION_CONFIG_FILE_OPTIONS, ai as NODE_REGION_CONFIG_OPTIONS, aj as NODE_MAX_ATTEMPT_CONFIG_OPTIONS, al as NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, an as getAwsRegionExtensionConfiguration, ao as getDefaultExtensionConfiguration, ap as getHttpHandlerExtensionConfiguration, aq as resolveAwsRegionExtensionConfiguration, ar as resolveDefaultRuntimeConfig, as as resolveHttpHandlerRuntimeConfig, at as Client, au as resolveUserAgentConfig, av as resolveRetryConfig, aw as resolveRegionConfig, ax as resolveEndpointConfig, ay as getSchemaSerdePlugin, az as getUserAgentPlugin, aA as getRetryPlugin, aB as getContentLengthPlugin, aC as getHostHeaderPlugin, aD as getLoggerPlugin, aE as getRecursionDetectionPlugin, aF as getHttpAuthSchemeEndpointRuleSetPlugin, aH as getHttpSigningPlugin, aG as DefaultIdentityProviderConfig, aI as resolveHostHeaderConfig, aJ as makeBuilder, aK as getEndpointPlugin } from './Sha256Node.js';
export { aL as $Command } from './Sha256Node.js';
import 'node:crypto';
import { A as AwsQueryProtocol } from './AwsQueryProtocol.js';
import { g as getDefaultSocketTimeout } from './FromStringShapeDeserializer.js';
import 'node:fs';
import 'node:stream';
import 'node:os';
import 'node:process';
import 'node:path';
import 'node:fs/promises';
import 'node:https';

class AwsEc2QueryProtocol extends AwsQueryProtocol {
    options;
    constructor(options) {
        super(options);
        this.options = options;
        const ec2Settings = {
            capitalizeKeys: true,
            flattenLists: true,
            serializeEmptyLists: false,
            ec2: true,
        };
        Object.assign(this.serializer.settings, ec2Settings);
    }
    getShapeId() {
        return "aws.protocols#ec2Query";
    }
    useNestedResult() {
        return false;
    }
}

const defaultEC2HttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "ec2",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultEC2HttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "ec2",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

const version = "3.1169.0";
var packageInfo = {
	version: version};

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]],
        ["stringEquals", [{ fn: f, argv: [h, "name"] }, "aws-us-gov"]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://ec2-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://ec2.{Region}.amazonaws.com", i],
        ["https://ec2-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://ec2.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://ec2.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 13, 3,
    1, 4, r + 12,
    2, 5, r + 12,
    3, 8, 6,
    4, 7, r + 11,
    5, r + 9, r + 10,
    4, 11, 9,
    6, 10, r + 8,
    7, r + 6, r + 7,
    5, 12, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 14,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class EC2ServiceException extends ServiceException {
    static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.ec2#EC2ServiceException";
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, EC2ServiceException.prototype);
    }
}

const _AZ = "AvailabilityZone";
const _AZI = "AvailabilityZoneId";
const _DR = "DryRun";
const _DSPH = "DescribeSpotPriceHistory";
const _DSPHR = "DescribeSpotPriceHistoryRequest";
const _DSPHRe = "DescribeSpotPriceHistoryResult";
const _ETnd = "EndTime";
const _FLi = "FilterList";
const _Fi = "Filters";
const _Fil = "Filter";
const _IT = "InstanceType";
const _ITnst = "InstanceTypes";
const _MR = "MaxResults";
const _N = "Name";
const _NTe = "NextToken";
const _PDr = "ProductDescription";
const _PDro = "ProductDescriptions";
const _SPH = "SpotPriceHistory";
const _SPHL = "SpotPriceHistoryList";
const _SPp = "SpotPrice";
const _STt = "StartTime";
const _Tim = "Timestamp";
const _V = "Value";
const _VSL = "ValueStringList";
const _Va = "Values";
const _aZ = "availabilityZone";
const _aZI = "availabilityZoneId";
const _dR = "dryRun";
const _eQN = "ec2QueryName";
const _eTn = "endTime";
const _iT = "instanceType";
const _it = "item";
const _mR = "maxResults";
const _nTe = "nextToken";
const _pDr = "productDescription";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.ec2";
const _sPHS = "spotPriceHistorySet";
const _sPp = "spotPrice";
const _sTt = "startTime";
const _ti = "timestamp";
const _xN = "xmlName";
const n0 = "com.amazonaws.ec2";
const _s_registry = new TypeRegistry(_s);
var EC2ServiceException$ = [-3, _s, "EC2ServiceException", 0, [], []];
_s_registry.registerError(EC2ServiceException$, EC2ServiceException);
const errorTypeRegistries = [
    _s_registry,
];
var DescribeSpotPriceHistoryRequest$ = [3, n0, _DSPHR,
    0,
    [_AZI, _DR, _STt, _ETnd, _ITnst, _PDro, _Fi, _AZ, _MR, _NTe],
    [0, [2, { [_eQN]: `DryRun`,
                [_xN]: _dR }], [4, { [_eQN]: `StartTime`,
                [_xN]: _sTt }], [4, { [_eQN]: `EndTime`,
                [_xN]: _eTn }], [64 | 0, { [_xN]: _IT }], [64 | 0, { [_xN]: _PDr }], [() => FilterList, { [_xN]: _Fil }], [0, { [_eQN]: `AvailabilityZone`,
                [_xN]: _aZ }], [1, { [_eQN]: `MaxResults`,
                [_xN]: _mR }], [0, { [_eQN]: `NextToken`,
                [_xN]: _nTe }]]
];
var DescribeSpotPriceHistoryResult$ = [3, n0, _DSPHRe,
    0,
    [_NTe, _SPH],
    [[0, { [_eQN]: `NextToken`,
                [_xN]: _nTe }], [() => SpotPriceHistoryList, { [_eQN]: `SpotPriceHistorySet`,
                [_xN]: _sPHS }]]
];
var Filter$ = [3, n0, _Fil,
    0,
    [_N, _Va],
    [0, [() => ValueStringList, { [_xN]: _V }]]
];
var SpotPrice$ = [3, n0, _SPp,
    0,
    [_AZ, _AZI, _IT, _PDr, _SPp, _Tim],
    [[0, { [_eQN]: `AvailabilityZone`,
                [_xN]: _aZ }], [0, { [_eQN]: `AvailabilityZoneId`,
                [_xN]: _aZI }], [0, { [_eQN]: `InstanceType`,
                [_xN]: _iT }], [0, { [_eQN]: `ProductDescription`,
                [_xN]: _pDr }], [0, { [_eQN]: `SpotPrice`,
                [_xN]: _sPp }], [4, { [_eQN]: `Timestamp`,
                [_xN]: _ti }]]
];
var FilterList = [1, n0, _FLi,
    0, [() => Filter$,
        { [_xN]: _Fil }]
];
var SpotPriceHistoryList = [1, n0, _SPHL,
    0, [() => SpotPrice$,
        { [_xN]: _it }]
];
var ValueStringList = [1, n0, _VSL,
    0, [0,
        { [_xN]: _it }]
];
var DescribeSpotPriceHistory$ = [9, n0, _DSPH,
    0, () => DescribeSpotPriceHistoryRequest$, () => DescribeSpotPriceHistoryResult$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2016-11-15",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultEC2HttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsEc2QueryProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.ec2",
            errorTypeRegistries,
            xmlNamespace: "http://ec2.amazonaws.com/doc/2016-11-15",
            version: "2016-11-15",
            serviceTarget: "AmazonEC2",
        },
        serviceId: config?.serviceId ?? "EC2",
        sha256: config?.sha256 ?? Sha256Node,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 900_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class EC2Client extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultEC2HttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "AmazonEC2", "EC2Client", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class DescribeSpotPriceHistoryCommand extends command(_ep0, _mw0, "DescribeSpotPriceHistory", DescribeSpotPriceHistory$) {
}

export { DescribeSpotPriceHistory$, DescribeSpotPriceHistoryCommand, DescribeSpotPriceHistoryRequest$, DescribeSpotPriceHistoryResult$, EC2Client, EC2ServiceException, EC2ServiceException$, Filter$, SpotPrice$, Client as __Client, errorTypeRegistries };
