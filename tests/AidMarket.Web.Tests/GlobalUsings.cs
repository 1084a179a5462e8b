global using System.Net;
global using AidMarket.Web.Data.Seed;
global using AidMarket.Web.Tests.Infrastructure;
global using Microsoft.EntityFrameworkCore;
global using Shouldly;
