import * as l10n from '@vscode/l10n';
import { prefersChinese } from './locale';

/**
 * The one table of Huawei Cloud error codes the extension can explain, in English and Chinese.
 * Only codes found in Huawei's published API references are listed; `source` names the page so a
 * reader can check the wording. Unknown codes are shown raw by the UI, never guessed at.
 */

export interface ErrorExplanation {
  readonly en: string;
  readonly zh: string;
  /** Where the meaning comes from (Huawei API reference page). */
  readonly source: string;
}

const DCS_SOURCE =
  'DCS API reference, 查询实例备份信息 (GET /v1.0/{project_id}/instances/{instance_id}/backups), table 4 "DCS备份恢复错误码"';
const APIGW_SOURCE = 'Huawei Cloud API Request Signing Guide, Error Codes (support.huaweicloud.com/devg-apisign/api-sign-errorcode.html)';
const RDS_SOURCE = 'RDS API reference, Error Codes (support.huaweicloud.com/api-rds/rds_10_0201.html); DDS returns the same DBS codes';
const GAUSSDB_SOURCE =
  'GaussDB(for MySQL) API reference, Error Codes (support.huaweicloud.com/api-gaussdb/gaussdb_10_0201.html), same DBS ' +
  'code space as RDS/DDS';
const GES_SOURCE = 'GES API reference, management-plane error codes (support.huaweicloud.com/api-ges/ges_03_0040.html)';
const CSBS_SOURCE = 'CSBS API reference, Error Codes (support.huaweicloud.com/api-csbs/zh-cn_topic_0071888297.html)';

type Entry = readonly [en: string, zh: string];

function group(source: string, entries: Record<string, Entry>): [string, ErrorExplanation][] {
  return Object.entries(entries).map(([code, [en, zh]]) => [code.toUpperCase(), { en, zh, source }]);
}

const TABLE: ReadonlyMap<string, ErrorExplanation> = new Map([
  ...group(DCS_SOURCE, {
    'dcs.08.0001': ['Failed to start the backup and restore tool.', '启动备份恢复工具失败。'],
    'dcs.08.0002': ['The backup or restore timed out.', '执行超时。'],
    'dcs.08.0003': ['Failed to delete the storage bucket.', '删除桶失败。'],
    'dcs.08.0004': ['Failed to obtain the access key (AK/SK).', '获取ak/sk 失败。'],
    'dcs.08.0005': ['Failed to create the storage bucket.', '创建桶失败。'],
    'dcs.08.0006': ['Failed to query the size of the backup data.', '查询备份数据大小失败。'],
    'dcs.08.0007': ['Failed to synchronise data during the restore.', '恢复时同步数据失败。'],
    'dcs.08.0008': [
      'The automatic backup did not run because the instance was busy with another task.',
      '自动备份任务未运行，实例正在运行其他任务。',
    ],
  }),
  ...group(APIGW_SOURCE, {
    'APIGW.0101': [
      'The API does not exist or is not published: check the endpoint, region and path.',
      'API不存在或未发布：请检查终端节点、区域和路径。',
    ],
    'APIGW.0201': [
      'The API gateway rejected the request (bad parameters, request too large, or the backend was unavailable or timed out).',
      'API网关拒绝了请求（参数错误、请求过大，或后端服务不可用或超时）。',
    ],
    'APIGW.0301': [
      'Incorrect IAM authentication information (401): the access key/secret key pair, the signature or the security ' +
        'token was rejected. Check the keys, renew temporary credentials, and check the clock (requests more than 15 ' +
        'minutes off are refused). After 5 failures in a row the key is locked for 5 minutes.',
      'IAM认证信息错误（401）：AK/SK、签名或安全令牌被拒绝。请检查密钥、更新临时凭证，并检查本机时间（偏差超过15分钟的请求会被拒绝）。连续认证失败5次后，该AK/SK会被锁定5分钟。',
    ],
    'APIGW.0302': ['The IAM user is not authorised to access this API (403).', 'IAM用户无权访问该API（403）。'],
    'APIGW.0303': [
      'Incorrect app authentication information (401): the request does not match what was signed, or the client clock is wrong.',
      'APP认证信息错误（401）：请求与签名内容不一致，或客户端时间不正确。',
    ],
    'APIGW.0305': ['Incorrect authentication information (401).', '认证信息错误（401）。'],
    'APIGW.0306': [
      'Access to this API is denied (403): check the permissions granted to the user.',
      '访问API被拒绝（403）：请检查用户被授予的权限。',
    ],
    'APIGW.0307': [
      'The token must be renewed (401); an API of another region may have been called.',
      'Token需要更新（401）；也可能调用了其他区域的API。',
    ],
    'APIGW.0308': [
      'Request throttled (429): the rate limit was reached. Retry after a few seconds; the rate limits of cloud service ' +
        'APIs cannot be raised.',
      '请求被流控（429）：已达到流控阈值。请稍后（数秒后）重试；云服务API的流控值无法调整。',
    ],
    'APIGW.0310': ['The project is unavailable (403): choose another project.', '项目不可用（403）：请选择其他项目。'],
    'APIGW.0401': ['The client IP address could not be identified (403).', '无法识别客户端IP地址（403）。'],
    'APIGW.0402': ['This IP address is not allowed to access the API (403).', '该IP地址不允许访问API（403）。'],
    'APIGW.0601': ['Internal error in the API gateway (500).', 'API网关内部错误（500）。'],
    'APIGW.0613': ['IAM is temporarily unavailable (503).', 'IAM服务暂不可用（503）。'],
    'APIGW.0801': ['The service is unavailable in the selected region (403).', '该服务在当前所选区域不可用（403）。'],
    'APIGW.0802': ['The IAM user may not access the selected region (403).', 'IAM用户无权访问当前所选区域（403）。'],
  }),
  ...group(RDS_SOURCE, {
    'DBS.108000': ['Server failure.', '服务器错误。'],
    'DBS.108002': ['Server failure.', '服务器错误。'],
    'DBS.108005': ['Server failure.', '服务器错误。'],
    'DBS.200001': ['Parameter error: check the request parameters and URL.', '参数错误：请检查请求参数和URL。'],
    'DBS.200002': ['The DB instance does not exist.', '实例不存在。'],
    'DBS.200004': ['Parameter error.', '参数错误。'],
    'DBS.200005': ['Server failure.', '服务器错误。'],
    'DBS.200006': ['The request is empty: enter the request parameters.', '请求为空，请输入请求参数。'],
    'DBS.200008': ['The ECS information of the DB instance cannot be found.', '找不到该实例的虚拟机信息。'],
    'DBS.200010': [
      'The DB instance ID or user ID may be empty, or the operation is not authorised.',
      '实例ID和用户ID可能为空，或者操作越权。',
    ],
    'DBS.200011': [
      'Another operation is running on the DB instance, or the instance is faulty. Try again later.',
      '该实例正在进行其它操作或该实例故障，无法执行该操作，请稍后重试。',
    ],
    'DBS.200013': ['The source DB instance does not exist.', '源实例不存在。'],
    'DBS.200019': [
      'Another operation is running on the DB instance, or the instance is faulty.',
      '该实例正在进行其他操作或该实例故障，无法执行该操作，请稍后重试。',
    ],
    'DBS.200044': ['The resource does not exist or you have no permission to access it.', '访问资源不存在，或者无访问权限。'],
    'DBS.200045': ['The DB instance does not exist.', '实例不存在。'],
    'DBS.200047': [
      'Another operation is running on the DB instance, or the instance is faulty. Try again later.',
      '该实例正在进行其它操作或该实例故障，无法执行该操作，请稍后重试。',
    ],
  }),
  ...group(GAUSSDB_SOURCE, {
    'DBS.201209': ['The backup name already exists.', '备份名称已存在。'],
    'DBS.201210': ['Invalid backup name.', '备份名称非法。'],
    'DBS.280124': ['Invalid backup ID.', '备份ID非法。'],
    'DBS.280127': ['Invalid backup description.', '备份描述非法。'],
    'DBS.280238': ['The DB engine or version does not support this operation.', '不支持的数据库类型或版本。'],
  }),
  ...group(GES_SOURCE, {
    'GES.0001': [
      'Incorrect parameter: check the project ID, the graph ID and the request headers.',
      '参数错误：请检查项目ID、图ID和请求头。',
    ],
    'GES.0016': [
      'Resource not found: the project ID in the URL does not match the credentials or the graph.',
      '未找到资源：URL中的项目ID与凭证或图所在项目不一致。',
    ],
    'GES.7000': ['The graph does not exist or has been deleted.', '图不存在或者已被删除。'],
    'GES.7001': ['The graph is not running.', '图不在运行状态。'],
    'GES.7002': ['The graph is being backed up.', '图正在备份。'],
    'GES.7003': ['The graph is stopping or stopped.', '图正在停止或者处于停止状态。'],
    'GES.7004': ['An IaaS component (IAM, VPC, ECS, OBS) is faulty.', 'IAAS层组件故障（IAM、VPC、ECS、OBS等）。'],
    'GES.7005': ['The underlying graph engine service is unavailable. Try again later.', '图引擎底层服务不可用，请稍后重试。'],
    'GES.7006': [
      'An internal error occurred in the underlying graph engine service. Try again later or contact support.',
      '图引擎底层服务内部错误，请稍后重试或者联系技术支持人员。',
    ],
    'GES.7007': ['The job does not exist.', 'Job不存在。'],
    'GES.7008': ['The job is stopped.', 'Job已停止。'],
  }),
  ...group(CSBS_SOURCE, {
    'CSBS.0001': ['The number of backup policies has reached the limit.', '备份策略数量达到上限。'],
    'CSBS.6000': ['The server does not exist.', '云服务器不存在。'],
    'CSBS.6001': ['The server has stopped.', '云服务器已终止。'],
    'CSBS.6003': ['Only cloud servers can be backed up.', '当前仅支持云服务器备份。'],
    'CSBS.6005': ['The server cannot be backed up in its current state.', '云服务器在当前状态下不支持备份。'],
    'CSBS.6006': ['This type of server cannot be backed up.', '该类型云服务器不支持备份。'],
    'CSBS.6007': ['A server without EVS disks cannot be backed up.', '没有云硬盘的云服务器不支持备份。'],
    'CSBS.6010': ['The server has shared EVS disks attached and cannot be backed up.', '云服务器含有共享云硬盘，不支持备份。'],
    'CSBS.6013': ['Only cloud servers can be restored.', '当前仅支持云服务器恢复。'],
    'CSBS.6014': ['The given disks are not attached to the server being restored.', '指定的云硬盘没有挂载在待恢复云服务器下。'],
    'CSBS.6015': ['The server cannot be restored in its current state.', '云服务器在当前状态下不支持恢复。'],
    'CSBS.9001': ['Parameter validation failed.', '参数校验失败。'],
  }),
]);

/**
 * The explanation of a Huawei error code, or undefined when the table does not know it.
 * Case-insensitive; the dedicated gateway's `APIG.xxxx` codes mean the same as `APIGW.xxxx`.
 */
export function explain(code: string | undefined | null): ErrorExplanation | undefined {
  const key = code?.trim().toUpperCase();
  if (!key) return undefined;
  return TABLE.get(key) ?? (key.startsWith('APIG.') ? TABLE.get(`APIGW.${key.slice('APIG.'.length)}`) : undefined);
}

/** Every code the table explains, for documentation and tests. */
export function knownErrorCodes(): readonly string[] {
  return [...TABLE.keys()];
}

/** One language's explanation, with its `lang` for the panels' markup. */
export interface ExplanationText {
  readonly lang: 'en' | 'zh';
  readonly text: string;
}

/** Both explanations, Chinese first when the display language is Chinese, English first otherwise. */
export function explanationsInOrder(explanation: ErrorExplanation): readonly [ExplanationText, ExplanationText] {
  const en: ExplanationText = { lang: 'en', text: explanation.en };
  const zh: ExplanationText = { lang: 'zh', text: explanation.zh };
  return prefersChinese() ? [zh, en] : [en, zh];
}

/** What the UI says next to a code it cannot explain. */
export function unknownCodeNote(): string {
  return l10n.t("not in the extension's table");
}
