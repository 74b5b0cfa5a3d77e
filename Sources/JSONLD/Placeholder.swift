@_exported import JCS
