#include "model/unet.h"
