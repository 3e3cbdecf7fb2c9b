//! Finding input devices.

use std::str::FromStr;

use cpal::traits::{DeviceTrait, HostTrait};

use crate::error::{CaptureError, Stage};

/// An input device the user can choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDevice {
    /// Stable identifier to pass back in [`RecorderOptions::device_id`](crate::RecorderOptions),
    /// e.g. `alsa:default`.
    pub id: String,
    /// Name to show.
    pub name: String,
    /// Whether this is the system's default input.
    pub is_default: bool,
}

/// Lists the input devices of the system's audio host (ALSA on Linux), the default first.
pub fn list_input_devices() -> Result<Vec<InputDevice>, CaptureError> {
    let host = cpal::default_host();
    let default = host.default_input_device();
    let default_id = default.as_ref().and_then(|device| device.id().ok());
    let mut listed: Vec<InputDevice> = host
        .input_devices()
        .map_err(|error| CaptureError::from_cpal(&error, Stage::Opening))?
        .filter_map(|device| {
            let id = device.id().ok()?;
            Some(InputDevice {
                is_default: Some(&id) == default_id.as_ref(),
                id: id.to_string(),
                name: display_name(&device),
            })
        })
        .collect();
    // The default device is virtual on some hosts and may be missing from the enumeration.
    if let (Some(device), Some(id)) = (&default, &default_id) {
        if !listed.iter().any(|listed| listed.is_default) {
            listed.push(InputDevice {
                id: id.to_string(),
                name: display_name(device),
                is_default: true,
            });
        }
    }
    listed.sort_by_key(|device| !device.is_default);
    Ok(listed)
}

/// The device's human-readable name, falling back on its identifier.
pub(crate) fn display_name(device: &cpal::Device) -> String {
    device
        .description()
        .map(|description| description.name().to_owned())
        .unwrap_or_else(|_| device.to_string())
}

/// The device with `id` (from [`list_input_devices`]), or the default input device.
pub(crate) fn find_input_device(id: Option<&str>) -> Result<cpal::Device, CaptureError> {
    let host = cpal::default_host();
    let Some(id) = id else {
        return host
            .default_input_device()
            .ok_or_else(|| CaptureError::NoDevice {
                detail: "the system has no default input device".to_owned(),
            });
    };
    let parsed = cpal::DeviceId::from_str(id).map_err(|error| CaptureError::NoDevice {
        detail: format!("unknown device id {id:?}: {error}"),
    })?;
    host.device_by_id(&parsed)
        .ok_or_else(|| CaptureError::NoDevice {
            detail: format!("device {id} is not connected"),
        })
}
