// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title IssuerRegistry
/// @notice The city's register of issuing departments and the certificate types each may issue.
/// @dev Every change is checkpointed by block number, so "was department D authorised for type T
///      at block N" has an exact answer long after the grant was revoked. Within one block the
///      last change wins. Type codes (GB/T 36904 type codes) are public identifiers; they are keyed
///      by keccak256 of their UTF-8 bytes and the plain code is carried in events.
contract IssuerRegistry is AccessControl {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice Held by the governance body (the city's big-data bureau) that registers departments.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");

    struct Department {
        string creditCode;
        string name;
        uint64 registeredAtBlock;
    }

    mapping(address account => Department) private _departments;
    mapping(bytes32 creditCodeHash => address account) private _accountByCreditCode;
    mapping(address account => Checkpoints.Trace208) private _active;
    mapping(address account => mapping(bytes32 typeId => Checkpoints.Trace208)) private _grants;

    error ZeroAddress();
    error InvalidCreditCode(string creditCode);
    error DepartmentAlreadyRegistered(address account);
    error CreditCodeAlreadyRegistered(string creditCode);
    error UnknownDepartment(address account);
    error InvalidTypeCode(string typeCode);

    event DepartmentRegistered(address indexed account, string creditCode, string name, address indexed by);
    event DepartmentStatusChanged(address indexed account, bool active, address indexed by);
    event TypeGranted(address indexed account, bytes32 indexed typeId, string typeCode, address indexed by);
    event TypeRevoked(address indexed account, bytes32 indexed typeId, string typeCode, address indexed by);

    constructor(address governanceAdmin) {
        if (governanceAdmin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governanceAdmin);
        _grantRole(REGISTRAR_ROLE, governanceAdmin);
    }

    /// @notice Registers a department's chain account with its unified social credit code (18 chars).
    function registerDepartment(address account, string calldata creditCode, string calldata name)
        external
        onlyRole(REGISTRAR_ROLE)
    {
        if (account == address(0)) revert ZeroAddress();
        if (bytes(creditCode).length != 18) revert InvalidCreditCode(creditCode);
        if (_departments[account].registeredAtBlock != 0) revert DepartmentAlreadyRegistered(account);
        bytes32 codeHash = keccak256(bytes(creditCode));
        if (_accountByCreditCode[codeHash] != address(0)) revert CreditCodeAlreadyRegistered(creditCode);

        _departments[account] = Department(creditCode, name, SafeCast.toUint64(block.number));
        _accountByCreditCode[codeHash] = account;
        _active[account].push(_now(), 1);
        emit DepartmentRegistered(account, creditCode, name, msg.sender);
        emit DepartmentStatusChanged(account, true, msg.sender);
    }

    /// @notice Suspends (false) or restores (true) every authorisation of a department at once.
    function setDepartmentActive(address account, bool active) external onlyRole(REGISTRAR_ROLE) {
        _requireRegistered(account);
        _active[account].push(_now(), active ? 1 : 0);
        emit DepartmentStatusChanged(account, active, msg.sender);
    }

    function grantType(address account, string calldata typeCode) external onlyRole(REGISTRAR_ROLE) {
        _requireRegistered(account);
        bytes32 id = _typeIdOf(typeCode);
        _grants[account][id].push(_now(), 1);
        emit TypeGranted(account, id, typeCode, msg.sender);
    }

    function revokeType(address account, string calldata typeCode) external onlyRole(REGISTRAR_ROLE) {
        _requireRegistered(account);
        bytes32 id = _typeIdOf(typeCode);
        _grants[account][id].push(_now(), 0);
        emit TypeRevoked(account, id, typeCode, msg.sender);
    }

    /// @notice The registry key of a certificate type code.
    function typeIdOf(string calldata typeCode) external pure returns (bytes32) {
        return _typeIdOf(typeCode);
    }

    function department(address account)
        external
        view
        returns (string memory creditCode, string memory name, bool active, uint64 registeredAtBlock)
    {
        Department storage d = _departments[account];
        return (d.creditCode, d.name, _active[account].latest() == 1, d.registeredAtBlock);
    }

    function accountOf(string calldata creditCode) external view returns (address) {
        return _accountByCreditCode[keccak256(bytes(creditCode))];
    }

    /// @notice True when the account is an active department holding the type now.
    function isAuthorised(address account, bytes32 typeId) public view returns (bool) {
        return _active[account].latest() == 1 && _grants[account][typeId].latest() == 1;
    }

    /// @notice True when the account was an active department holding the type at the end of the given block.
    function wasAuthorisedAt(address account, bytes32 typeId, uint256 blockNumber) external view returns (bool) {
        uint48 key = SafeCast.toUint48(blockNumber);
        return _active[account].upperLookupRecent(key) == 1 && _grants[account][typeId].upperLookupRecent(key) == 1;
    }

    function _requireRegistered(address account) private view {
        if (_departments[account].registeredAtBlock == 0) revert UnknownDepartment(account);
    }

    function _typeIdOf(string calldata typeCode) private pure returns (bytes32) {
        if (bytes(typeCode).length == 0) revert InvalidTypeCode(typeCode);
        return keccak256(bytes(typeCode));
    }

    function _now() private view returns (uint48) {
        return SafeCast.toUint48(block.number);
    }
}
