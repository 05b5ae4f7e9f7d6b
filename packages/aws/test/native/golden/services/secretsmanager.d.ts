// Generated from @aws-cdk/aws-service-spec 0.1.216 by `npm run generate -w @cairn/aws`. Do not edit.
import type { CustomResourceOptions, Input, Output } from "@cairn/core";
import { NativeResource, type Plain } from "../../dist/native/native-resource.js";

/**
 * Generates a random password. We recommend that you specify the maximum length and include every character type that the system you are generating a password for can support.
 *
 * *Required permissions:* `secretsmanager:GetRandomPassword` . For more information, see [IAM policy actions for Secrets Manager](https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html#awssecretsmanager-actions-as-permissions) and [Authentication and access control in Secrets Manager](https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access.html) .
 */
export interface SecretGenerateSecretString {
  /**
   * A string of the characters that you don't want in the password.
   */
  readonly excludeCharacters?: Input<string>;
  /**
   * Specifies whether to exclude lowercase letters from the password. If you don't include this switch, the password can contain lowercase letters.
   */
  readonly excludeLowercase?: Input<boolean>;
  /**
   * Specifies whether to exclude numbers from the password. If you don't include this switch, the password can contain numbers.
   */
  readonly excludeNumbers?: Input<boolean>;
  /**
   * Specifies whether to exclude the following punctuation characters from the password: `! " # $ % & ' ( ) * + , - . / : ; < = > ? \@ [ \ ] ^ _ ` { | } ~` . If you don't include this switch, the password can contain punctuation.
   */
  readonly excludePunctuation?: Input<boolean>;
  /**
   * Specifies whether to exclude uppercase letters from the password. If you don't include this switch, the password can contain uppercase letters.
   */
  readonly excludeUppercase?: Input<boolean>;
  /**
   * The JSON key name for the key/value pair, where the value is the generated password. This pair is added to the JSON structure specified by the `SecretStringTemplate` parameter. If you specify this parameter, then you must also specify `SecretStringTemplate` .
   */
  readonly generateStringKey?: Input<string>;
  /**
   * Specifies whether to include the space character. If you include this switch, the password can contain space characters.
   */
  readonly includeSpace?: Input<boolean>;
  /**
   * The length of the password. If you don't include this parameter, the default length is 32 characters.
   */
  readonly passwordLength?: Input<number>;
  /**
   * Specifies whether to include at least one upper and lowercase letter, one number, and one punctuation. If you don't include this switch, the password contains at least one of every character type.
   */
  readonly requireEachIncludedType?: Input<boolean>;
  /**
   * A template that the generated string must match. When you make a change to this property, a new secret version is created.
   */
  readonly secretStringTemplate?: Input<string>;
}

/**
 * Specifies a `Region` and the `KmsKeyId` for a replica secret.
 */
export interface SecretReplicaRegion {
  /**
   * The ARN, key ID, or alias of the KMS key to encrypt the secret. If you don't include this field, Secrets Manager uses `aws/secretsmanager` .
   */
  readonly kmsKeyId?: Input<string>;
  /**
   * A string that represents a `Region` , for example "us-east-1".
   */
  readonly region: Input<string>;
}

/** The arguments of {@link Secret}. */
export interface SecretArgs {
  /**
   * The description of the secret.
   */
  readonly description?: Input<string>;
  /**
   * A structure that specifies how to generate a password to encrypt and store in the secret. To include a specific string in the secret, use `SecretString` instead. If you omit both `GenerateSecretString` and `SecretString` , you create an empty secret. When you make a change to this property, a new secret version is created.
   *
   * We recommend that you specify the maximum length and include every character type that the system you are generating a password for can support.
   */
  readonly generateSecretString?: Input<SecretGenerateSecretString>;
  /**
   * The ARN, key ID, or alias of the AWS  key that Secrets Manager uses to encrypt the secret value in the secret. An alias is always prefixed by `alias/` , for example `alias/aws/secretsmanager` . For more information, see [About aliases](https://docs.aws.amazon.com/kms/latest/developerguide/alias-about.html) .
   *
   * To use a AWS  key in a different account, use the key ARN or the alias ARN.
   *
   * If you don't specify this value, then Secrets Manager uses the key `aws/secretsmanager` . …
   */
  readonly kmsKeyId?: Input<string>;
  /**
   * The name of the new secret.
   *
   * The secret name can contain ASCII letters, numbers, and the following characters: /_+=.\@-
   *
   * Do not end your secret name with a hyphen followed by six characters. If you do so, you risk confusion and unexpected results when searching for a secret by partial ARN. Secrets Manager automatically adds a hyphen and six random characters after the secret name at the end of the ARN.
   *
   * Changing it replaces the resource.
   */
  readonly name?: Input<string>;
  /**
   * A custom type that specifies a `Region` and the `KmsKeyId` for a replica secret.
   */
  readonly replicaRegions?: Input<readonly Input<SecretReplicaRegion>[]>;
  /**
   * The text to encrypt and store in the secret. We recommend you use a JSON structure of key/value pairs for your secret value. To generate a random password, use `GenerateSecretString` instead. If you omit both `GenerateSecretString` and `SecretString` , you create an empty secret. When you make a change to this property, a new secret version is created.
   */
  readonly secretString?: Input<string>;
  /**
   * A list of tags to attach to the secret. Each tag is a key and value pair of strings in a JSON text string, for example:
   *
   * `[{"Key":"CostCenter","Value":"12345"},{"Key":"environment","Value":"production"}]`
   *
   * Secrets Manager tag key names are case sensitive. A tag with the key "ABC" is a different tag from one with key "abc".
   *
   * Stack-level tags, tags you apply to the CloudFormation stack, are also attached to the secret.
   *
   * If you check tags in permissions policies as part of your security strategy, then adding or removing a tag can change permissions. …
   */
  readonly tags?: Input<readonly Input<{ readonly key: Input<string>; readonly value: Input<string> }>[]>;
  /**
   * The exact string that identifies the third-party partner that holds the external secret. For more information, see [Managed external secret partners](https://docs.aws.amazon.com/secretsmanager/latest/userguide/mes-partners.html) .
   */
  readonly type?: Input<string>;
}

/**
 * Creates a new secret. A *secret* can be a password, a set of credentials such as a user name and password, an OAuth token, or other secret information that you store in an encrypted form in Secrets Manager.
 *
 * For Amazon RDS master user credentials, see [AWS::RDS::DBCluster MasterUserSecret](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-rds-dbcluster-masterusersecret.html) .
 *
 * For Amazon Redshift admin user credentials, see [AWS::Redshift::Cluster](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-cluster.html) .
 *
 * To retrieve a secret in a CloudFormation template, use a *dynamic reference* . For more information, see [Retrieve a secret in an CloudFormation resource](https://docs.aws.amazon.com/secretsmanager/latest/userguide/cfn-example_reference-secret.html) .
 *
 * For information about creating a secret in the console, see [Create a secret](https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_create-basic-secret.html) . For information about creating a secret using the CLI or SDK, see [CreateSecret](https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html) .
 *
 * For information about retrieving a secret in code, see [Retrieve secrets from Secrets Manager](https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html) .
 *
 * Cloud Control type `AWS::SecretsManager::Secret`; its id is `idValue`.
 *
 * Changing `name` replaces it.
 *
 * Write-only (secret in state, never compared with what the cloud reports): `generateSecretString`, `secretString`.
 *
 * Taggable: the provider's default tags are merged into `tags`.
 */
export declare class Secret extends NativeResource {
  /**
   * The ARN of the secret.
   */
  readonly idValue: Output<string>;
  readonly description: Output<Plain<SecretArgs["description"]>>;
  readonly generateSecretString: Output<Plain<SecretArgs["generateSecretString"]>>;
  readonly kmsKeyId: Output<Plain<SecretArgs["kmsKeyId"]>>;
  readonly name: Output<Plain<SecretArgs["name"]>>;
  readonly replicaRegions: Output<Plain<SecretArgs["replicaRegions"]>>;
  readonly secretString: Output<Plain<SecretArgs["secretString"]>>;
  readonly tags: Output<Plain<SecretArgs["tags"]>>;
  readonly type: Output<Plain<SecretArgs["type"]>>;
  constructor(name: string, args?: SecretArgs, opts?: CustomResourceOptions);
}
