// Namespaces nearly every page and service uses.
global using AidMarket.Domain.Common;
global using AidMarket.Web.Data;
global using AidMarket.Web.Identity;
global using AidMarket.Web.Localization;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
